import { creditCodeCheckCharacter, creditCodeProblem } from './credit-code';

/** A code whose 18th character is the check character of the given first 17. */
const withCheck = (first17: string) => first17 + creditCodeCheckCharacter(first17);

describe('credit code', () => {
  describe('when the code is a real one', () => {
    it.each(['914403001922038216', '91110000802100433B'])('accepts %s', (code) => {
      expect(creditCodeProblem(code)).toBeNull();
    });
  });

  describe('when the check character is computed', () => {
    it('yields the 18th character of real codes', () => {
      expect(creditCodeCheckCharacter('91440300192203821')).toBe('6');
      expect(creditCodeCheckCharacter('91110000802100433')).toBe('B');
    });

    it('yields 0 when the weighted sum is a multiple of 31', () => {
      // All zeros: sum 0, so 31 - 0 wraps round to 0, not to an out-of-range 31st character.
      expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
    });
  });

  describe('when the check character is wrong', () => {
    it('refuses a code whose last character differs from the computed one', () => {
      expect(creditCodeProblem('914403001922038217')).toMatch(/check character 7 where 6 is due/);
      expect(creditCodeProblem('91110000802100433A')).toMatch(/check character A where B is due/);
    });

    it('refuses a code with two characters swapped', () => {
      expect(creditCodeProblem('914403001922038126')).not.toBeNull();
    });
  });

  describe('when the length is wrong', () => {
    it('refuses 17 characters', () => {
      expect(creditCodeProblem('91440300192203821')).toBe('must be 18 characters');
    });

    it('refuses 19 characters', () => {
      expect(creditCodeProblem('9144030019220382160')).toBe('must be 18 characters');
    });

    it('refuses the empty string', () => {
      expect(creditCodeProblem('')).toBe('must be 18 characters');
    });
  });

  describe('when the code uses a letter outside the alphabet', () => {
    it.each(['I', 'O', 'Z', 'S', 'V'])('refuses %s even with a matching check character', (letter) => {
      const code = withCheck(`91440300192203${letter}21`);
      expect(code).toHaveLength(18);
      expect(creditCodeProblem(code)).toMatch(/other than I, O, Z, S and V/);
    });

    it('refuses lower-case letters', () => {
      expect(creditCodeProblem('91110000802100433b')).not.toBeNull();
    });
  });

  describe('when positions 3 to 8 (the region code) hold a letter', () => {
    it.each([2, 5, 7])('refuses a letter at index %i even with a matching check character', (index) => {
      const first17 = '91440300192203821';
      const code = withCheck(first17.slice(0, index) + 'A' + first17.slice(index + 1));
      expect(creditCodeProblem(code)).toMatch(/digits in positions 3-8/);
    });

    it('accepts letters in positions 1, 2 and 9 to 17', () => {
      expect(creditCodeProblem(withCheck('Y1440300MA5DAAAAA'))).toBeNull();
    });
  });
});
