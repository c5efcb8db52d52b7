// Drives the Control UI and the seed 001 chat page in real headless Chromium (puppeteer-core + /usr/bin/chromium).
// Usage: node control_ui.js GATEWAY_URL TOKEN SEED_PAGE_URL SCREENSHOT_DIR
const puppeteer = require('puppeteer-core');
const [base, token, seedPage, shots] = process.argv.slice(2);
function check(cond, what) {
  if (!cond) { console.log('FAIL ' + what); throw new Error(what); }
  console.log('ok   ' + what);
}
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
const textOf = (page, sel) => page.$$eval(sel, els => els.map(e => e.textContent));

(async () => {
  const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: false, args: FLAGS, defaultViewport: { width: 1280, height: 900 } });
  let page;
  try {
    page = await browser.newPage();
    page.setDefaultTimeout(60000);
    const errors = [];
    page.on('pageerror', e => errors.push(e.message));
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    let assistantFrames = 0;
    cdp.on('Network.webSocketFrameReceived', e => {
      if (e.response.payloadData.includes('"stream":"assistant"')) assistantFrames++;
    });

    await page.goto(base + '/', { waitUntil: 'load' });
    await page.screenshot({ path: shots + '/01-login.png' });
    await page.type('#login-token', token);
    await page.click('#login-button');
    await page.waitForSelector('#app:not(.hidden)', { timeout: 60000 });
    await page.waitForFunction(() => document.getElementById('conn').textContent === 'online');
    check(true, 'logged in with the gateway token (WebSocket connected)');

    // chat with a streamed reply
    await page.click('#chat-session', { clickCount: 3 });
    await page.type('#chat-session', 'browser-chat');
    await page.type('#chat-input', 'hello from the browser');
    await page.click('#chat-send');
    await page.waitForFunction(() => [...document.querySelectorAll('.msg.assistant')]
      .some(m => m.textContent === 'echo: hello from the browser'), { timeout: 60000 });
    check(assistantFrames >= 2, 'the reply streamed in ' + assistantFrames + ' assistant events');
    await page.screenshot({ path: shots + '/02-chat-streamed.png' });

    // a turn with a tool call: tool-call and tool-result cards
    await page.type('#chat-input', 'list my files');
    await page.click('#chat-send');
    await page.waitForFunction(() => [...document.querySelectorAll('.msg.assistant')]
      .some(m => m.textContent.startsWith('tool said:')), { timeout: 60000 });
    const cards = await textOf(page, '.card.tool h4');
    check(cards.some(t => t.startsWith('Tool call: file_list')) && cards.some(t => t.startsWith('Tool result: file_list')),
      'tool-call and tool-result cards: ' + JSON.stringify(cards));
    await page.screenshot({ path: shots + '/03-chat-tools.png' });

    // open a past session (created over HTTP before the browser started)
    await page.goto(base + '/#sessions');
    await page.waitForSelector('tr[data-key="past-session"] button', { timeout: 60000 });
    await page.screenshot({ path: shots + '/04-sessions.png' });
    await page.click('tr[data-key="past-session"] button');
    await page.waitForFunction(() => [...document.querySelectorAll('.msg.user')]
      .some(m => m.textContent === 'remember the blue door'), { timeout: 60000 });
    const history = await textOf(page, '.msg');
    check(history.includes('echo: remember the blue door'), 'past session opened with its history');
    await page.screenshot({ path: shots + '/05-past-session.png' });

    // create an agent
    await page.goto(base + '/#agents');
    await page.waitForSelector('#agent-skills input', { timeout: 60000 });
    await page.type('#agent-name', 'Browser Researcher');
    await page.type('#agent-prompt', 'You research things carefully.');
    await page.click('#agent-skills input');
    await page.click('#agent-save');
    await page.waitForFunction(() => [...document.querySelectorAll('#agents-list .card h4')]
      .some(h => h.textContent.startsWith('Browser Researcher')), { timeout: 60000 });
    check(true, 'agent created');
    await page.screenshot({ path: shots + '/06-agent-created.png' });

    // search memory
    await page.goto(base + '/#memory');
    await page.type('#memory-query', 'project codename');
    await page.click('#memory-search');
    await page.waitForFunction(() => [...document.querySelectorAll('.memory-hit')]
      .some(h => h.textContent.includes('Bluebird')), { timeout: 60000 });
    check(true, 'memory search found the stored fact');
    await page.screenshot({ path: shots + '/07-memory-search.png' });

    // phone-sized viewport
    await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
    await page.goto(base + '/#chat');
    await page.waitForSelector('#app:not(.hidden)');
    await page.waitForFunction(() => document.querySelectorAll('.msg').length >= 2, { timeout: 60000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, 'phone viewport: no horizontal overflow (' + overflow + ' px)');
    await page.screenshot({ path: shots + '/08-phone-chat.png' });
    check(errors.length === 0, 'no script errors: ' + JSON.stringify(errors));

    // seed 001's HTML chat page, served from another local origin, calling the gateway cross-origin
    const seed = await browser.newPage();
    await seed.setViewport({ width: 900, height: 600 });
    await seed.goto(seedPage, { waitUntil: 'load' });
    await seed.type('#input', '你好 from seed 001');
    await seed.click('button');
    await seed.waitForFunction(() => [...document.querySelectorAll('.message.ai')]
      .some(m => m.textContent.includes('你好 from seed 001')), { timeout: 60000 });
    check(true, 'seed 001 chat page got an answer cross-origin (CORS preflight allowed for a loopback origin)');
    await seed.screenshot({ path: shots + '/09-seed001-page.png' });
    console.log('ok control ui');
  } catch (e) {
    if (page) {
      await page.screenshot({ path: shots + '/failure.png' }).catch(() => {});
      const where = await page.evaluate(() => ({ url: location.href,
        loginError: (document.getElementById('login-error') || {}).textContent,
        conn: (document.getElementById('conn') || {}).textContent,
        appHidden: document.getElementById('app').classList.contains('hidden'),
        status: (document.getElementById('status') || {}).textContent })).catch(err => String(err));
      console.log('page state at failure: ' + JSON.stringify(where));
    }
    console.log('FAIL ' + (e && e.stack || e));
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();
