/** autocannon 8 ships no types; the benchmarks call it with an options object and read its result. */
declare module 'autocannon' {
  function autocannon(options: object): Promise<unknown>;
  export default autocannon;
}
