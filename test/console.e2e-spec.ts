import { existsSync } from 'node:fs';
import { Page } from 'playwright-core';
import { accessibilityProblems, Browser, choose, CHROMIUM, launchBrowser, PHONE, screenshots, Tab, typeDate, unreachableByKeyboard } from './support/browser';
import { CONSOLE_DIR, ConsoleServer, startConsoleServer } from './support/console-server';

/**
 * The web console in headless Chromium on the sample county (issue 11): the journeys of its
 * "Done when", a screenshot of each page at 1280 and 390 px (test-artifacts/console/), no console
 * error on any page, and the accessibility points a machine can check.
 */
jest.setTimeout(240_000);

const OPERATOR = '济南市历城区同心社会工作服务中心';
const OTHER_OPERATOR = '济南市历城区阳光社会工作服务中心';
const PURCHASER = '济南市历城区民政局';
const EVALUATOR = '济南市历城区泉城社会工作评估中心';
const STATION = '遥墙街道社工站';

describe('the web console', () => {
  let server: ConsoleServer;
  let browser: Browser;
  const tabs: Tab[] = [];
  let ids: { contract: string; otherContract: string; station: string; supervisor: string };

  /** Reads as the guidance centre, with a token minted at the service's (movable) clock. */
  const get = async (url: string) => {
    const token = (await server.app.inject({ method: 'POST', url: '/dev/tokens', payload: { role: 'admin', orgId: 'centre-370112' } })).json().token;
    return (await server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })).json();
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
    if (!existsSync(`${CONSOLE_DIR}/index.html`)) throw new Error('no console build: npm run build');
    server = await startConsoleServer();
    const organizations = (await get('/organizations')).data as Array<{ id: string; name: string }>;
    const orgId = (name: string) => organizations.find((o) => o.name === name)!.id;
    const contracts = (await get('/contracts?status=active')).data as Array<{ id: string; operatorOrgId: string; stationIds: string[] }>;
    const stations = (await get('/stations?limit=500')).data as Array<{ id: string; name: string }>;
    const supervisors = (await get('/supervisors')).data as Array<{ id: string; name: string; contractIds: string[] }>;
    const contract = contracts.find((c) => c.operatorOrgId === orgId(OPERATOR))!.id;
    ids = {
      contract,
      otherContract: contracts.find((c) => c.operatorOrgId === orgId(OTHER_OPERATOR))!.id,
      station: stations.find((s) => s.name === STATION)!.id,
      supervisor: supervisors.find((s) => s.contractIds.includes(contract))!.name,
    };
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => {
    // No page logs an error: every tab's console stays clean.
    expect(tabs.flatMap((t) => t.errors)).toEqual([]);
  });

  async function tab(viewport?: { width: number; height: number }): Promise<Tab> {
    const t = await browser.open(viewport);
    tabs.push(t);
    return t;
  }

  /** Development sign-in through the page: the role, then the person by their name or organization. */
  async function signIn(t: Tab, role: string, person: string): Promise<void> {
    const { page } = t;
    await page.goto(`${server.url}/console/sign-in`);
    await choose(page, 'role', role);
    await page.locator('[data-test="person"]').click();
    await page.keyboard.type(person);
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: person }).first().click();
    await page.locator('[data-test="dev-sign-in"]').click();
    await page.locator('[data-test="signed-in"]').waitFor();
  }

  async function checkPage(page: Page, name: string, mainActions: string[] = []): Promise<void> {
    await page.waitForLoadState('networkidle');
    await screenshots(page, name);
    expect({ page: name, problems: await accessibilityProblems(page) }).toEqual({ page: name, problems: [] });
    expect({ page: name, unreachable: await unreachableByKeyboard(page, mainActions) }).toEqual({ page: name, unreachable: [] });
  }

  it('signs in with a demo person and shows who, in which role and organization, with sign-out', async () => {
    const t = await tab();
    await t.page.goto(`${server.url}/console/`);
    await t.page.waitForURL(/sign-in/);
    await checkPage(t.page, 'sign-in', ['[data-test="role"]', '[data-test="person"]', '#sign-in-token']);
    await signIn(t, '购买方（采购）', PURCHASER);
    const who = await t.page.locator('[data-test="signed-in"]').innerText();
    expect(who).toContain('购买方（采购）');
    expect(who).toContain(PURCHASER);
    await checkPage(t.page, 'region-overview', ['#region-code']);
    expect(await t.page.locator('[data-test="region-figures"]').innerText()).toContain('10');
    await t.page.goto(`${server.url}/console/contracts/${ids.contract}`);
    await t.page.locator('[data-test="eligibility-status"]').waitFor();
    expect(await t.page.locator('[data-test="eligibility-status"]').getAttribute('data-status')).toBe('eligible');
    await t.page.locator('[data-test="sign-out"]').click();
    await t.page.waitForURL(/sign-in/);
  });

  it('lets an evaluator score (catching an item left out), submit and, after the operator responds, finalize; procurement then sees the eligibility change and records a decision against eligibility only after confirming', async () => {
    // The day after the demo's: the final assessment is finalized after the annual one, so it is
    // the station's latest; the open review stays dated 2026-11-24, before it.
    server.clock.set('2026-11-25T10:00:00+08:00');
    const evaluator = await tab();
    const { page } = evaluator;
    await signIn(evaluator, '第三方评估机构', EVALUATOR);
    await page.goto(`${server.url}/console/assessments`);
    await checkPage(page, 'assessment-list', ['[data-test="start-submit"]']);
    await choose(page, 'start-contract', OPERATOR);
    await choose(page, 'start-station', STATION);
    await choose(page, 'start-kind', '终期');
    await typeDate(page, '#start-from', '2026-01-01');
    await typeDate(page, '#start-to', '2026-12-31');
    await choose(page, 'start-rubric', '百分制');
    await page.locator('[data-test="start-submit"]').click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}/);
    await page.locator('[data-test="running-total"]').waitFor();

    // Half marks on every item but the last, which is left out.
    const items = await page.locator('[data-test^="points-"]').evaluateAll((inputs) => inputs.map((i) => ({ code: i.getAttribute('data-test')!.slice(7), max: Number(i.getAttribute('max')) })));
    expect(items.length).toBe(37);
    for (const item of items.slice(0, -1)) {
      await page.locator(`[data-test="points-${item.code}"]`).fill(String(Math.floor(item.max) / 2));
      await page.locator(`[data-test="evidence-${item.code}"]`).fill('现场查看与台账抽查');
    }
    await page.locator('[data-test="findings"]').fill('多项服务台账缺失，驻站人员不稳定。');
    await page.locator('[data-test="recommendations"]').fill('补齐台账，稳定驻站团队。');
    await page.locator('[data-test="submit-assessment"]').click();
    const left = items[items.length - 1].code;
    await page.locator('[data-test="unscored-warning"]').waitFor();
    expect(await page.locator('[data-test="unscored-warning"]').innerText()).toContain('1 项未打分');
    expect(await page.locator(`[data-test="item-${left}"]`).getAttribute('class')).toContain('missing-item');
    expect(await page.locator('[data-test="assessment-status"]').innerText()).toBe('草稿');
    await checkPage(page, 'assessment-scoring', ['[data-test="save-scores"]', '[data-test="submit-assessment"]', `[data-test="points-${items[0].code}"]`]);

    const last = items[items.length - 1];
    await page.locator(`[data-test="points-${left}"]`).fill(String(Math.floor(last.max) / 2));
    await page.locator(`[data-test="evidence-${left}"]`).fill('现场查看');
    expect(await page.locator('[data-test="running-grade"]').innerText()).toBe('不合格');
    await page.locator('[data-test="submit-assessment"]').click();
    await page.locator('[data-test="assessment-status"]', { hasText: '已提交' }).waitFor();
    const assessmentUrl = page.url().split('?')[0];

    const operator = await tab();
    await signIn(operator, '承接机构', OPERATOR);
    await operator.page.goto(assessmentUrl);
    await operator.page.locator('[data-test="response-comment"]').fill('对评估结果无异议，将限期整改。');
    await operator.page.locator('[data-test="respond"]').click();
    await operator.page.locator('[data-test="operator-response"]').waitFor();

    await page.reload();
    await page.locator('[data-test="operator-response"]').waitFor();
    await page.locator('[data-test="finalize"]').click();
    await page.locator('[data-test="assessment-status"]', { hasText: '已定稿' }).waitFor();

    const procurement = await tab();
    await signIn(procurement, '购买方（采购）', PURCHASER);
    // Another person's page reads the read models as they stand: it shows the change once they have folded the finalization.
    let status: string | null = null;
    for (let attempt = 0; attempt < 20 && status !== 'conditional'; attempt++) {
      if (attempt > 0) await procurement.page.waitForTimeout(250);
      await procurement.page.goto(`${server.url}/console/contracts/${ids.contract}`);
      await procurement.page.locator('[data-test="eligibility-status"]').waitFor();
      status = await procurement.page.locator('[data-test="eligibility-status"]').getAttribute('data-status');
    }
    expect(status).toBe('conditional');
    expect(await procurement.page.locator('[data-test="reasons"]').innerText()).toContain(STATION);
    await checkPage(procurement.page, 'renewal-dossier', ['[data-test="decision-kind"]', '[data-test="record-decision"]']);

    // The decision is judged on the review's date, when the contract was still eligible: not renewing goes against that.
    expect(await procurement.page.locator('[data-test="review-eligibility"]').getAttribute('data-status')).toBe('eligible');
    await choose(procurement.page, 'decision-kind', '不予续签');
    await procurement.page.locator('[data-test="decision-justification"]').fill('终期评估遥墙街道社工站不合格，合同得分已降至良好线以下，本年度不予续签，重新组织采购。');
    procurement.expectRefusal(422);
    await procurement.page.locator('[data-test="record-decision"]').click();
    await procurement.page.locator('.el-dialog', { hasText: '确认与续签资格不一致的决定' }).waitFor();
    expect(await procurement.page.locator('[data-test="override-confirm"]').isDisabled()).toBe(true);
    await screenshots(procurement.page, 'renewal-override-confirmation');
    await procurement.page.locator('[data-test="override-check"]').click();
    await procurement.page.locator('[data-test="override-confirm"]').click();
    await procurement.page.locator('[data-test="review"]', { hasText: '与资格不一致' }).waitFor();

    const reviews = (await get(`/contracts/${ids.contract}/renewal-reviews`)).data;
    const decided = reviews.reviews.find((r: { decision: unknown }) => r.decision !== null);
    expect(decided.decision).toMatchObject({ decision: 'do_not_renew', overridesEligibility: true, against: true, eligibilityStatus: 'eligible' });

    await page.goto(`${server.url}/console/stations/${ids.station}/scorecard`);
    await page.locator('[data-test="revisions"]').first().waitFor();
    await checkPage(page, 'station-scorecard');
  });

  it('lets a supervisor log a session on a phone and the social worker attest it; the ledger shows the hours', async () => {
    const supervisor = await tab(PHONE);
    const { page } = supervisor;
    await signIn(supervisor, '督导', ids.supervisor);
    await page.locator('[data-test="log-session"]').waitFor();
    await choose(page, 'session-station', STATION);
    await page.locator('.el-select-dropdown__item').first().waitFor({ state: 'hidden' });
    await page.locator('[data-test="session-supervisees"]').click();
    const option = page.locator('.el-select-dropdown__item:visible').first();
    await option.waitFor();
    await page.waitForTimeout(300);
    const worker = (await option.innerText()).trim();
    await option.click();
    await page.keyboard.press('Escape');
    await typeDate(page, '#session-date', '2026-11-20');
    await page.locator('#session-start').fill('19:00');
    await page.locator('#session-duration').fill('90');
    await page.locator('[data-test="session-topics"]').fill('困境儿童个案评估');
    await page.locator('[data-test="session-summary"]').fill('梳理个案评估要点，明确下一步服务计划。');
    await page.locator('[data-test="log-submit"]').click();
    await page.locator('.card.session', { hasText: '2026-11-20 19:00' }).waitFor();
    expect(await page.locator('.card.session', { hasText: '2026-11-20 19:00' }).innerText()).toContain('待签认');
    await checkPage(page, 'session-logging', ['[data-test="log-submit"]']);

    const social = await tab(PHONE);
    await signIn(social, '驻站社工', worker);
    await social.page.goto(`${server.url}/console/ledger`);
    const before = Number(await social.page.locator('[data-test="ledger-supervision-hours"]').innerText());
    await social.page.goto(`${server.url}/console/attestation`);
    const card = social.page.locator('[data-test^="attest-"]', { hasText: '2026-11-20 19:00' });
    await card.waitFor();
    expect(await card.innerText()).toContain('90 分钟');
    await checkPage(social.page, 'session-attestation', ['[data-test^="attest-button-"]']);
    await card.locator('button').click();
    await card.waitFor({ state: 'detached' });
    await social.page.goto(`${server.url}/console/ledger`);
    await social.page.locator('[data-test="ledger-supervision-hours"]').waitFor();
    expect(Number(await social.page.locator('[data-test="ledger-supervision-hours"]').innerText())).toBeCloseTo(before + 1.5, 1);
    await checkPage(social.page, 'worker-ledger');
  });

  it("keeps an operator from another operator's contract", async () => {
    const operator = await tab();
    const { page } = operator;
    await signIn(operator, '承接机构', OPERATOR);
    await page.goto(`${server.url}/console/contracts`);
    await page.locator('[data-test="contract-list"] .el-table__row').first().waitFor();
    const listed = await page.locator('[data-test="contract-list"] a[data-test^="contract-"]').evaluateAll((links) => links.map((a) => a.getAttribute('data-test')));
    expect(listed).toContain(`contract-${ids.contract}`);
    expect(listed).not.toContain(`contract-${ids.otherContract}`);
    await checkPage(page, 'contract-list');
    operator.expectRefusal(403);
    await page.goto(`${server.url}/console/contracts/${ids.otherContract}`);
    await page.locator('[data-test="api-error"]').waitFor();
    expect(await page.locator('[data-test="api-error"]').getAttribute('data-code')).toBe('OUTSIDE_ORGANIZATION_SCOPE');
    expect(await page.locator('[data-test="api-error"]').innerText()).toContain('不属于您的机构');
    expect(await page.locator('[data-test="eligibility-status"]').count()).toBe(0);
    await screenshots(page, 'contract-refused');

    for (const [path, name] of [
      ['/staffing', 'station-staffing'],
      ['/trainings', 'training-records'],
      ['/service-reports', 'service-reporting'],
      [`/history/Contract-${ids.contract}`, 'record-history'],
    ]) {
      await page.goto(`${server.url}/console${path}`);
      await checkPage(page, name);
    }
  });
});
