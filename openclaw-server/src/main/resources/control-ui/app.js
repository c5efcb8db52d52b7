// OpenClaw Control UI: plain JavaScript, no build step. Chat, sessions and cron go over the WebSocket gateway
// protocol (the same one openclaw-node speaks); agents, memory, tasks, webhooks and API keys over the REST APIs.
'use strict';
const $ = (id) => document.getElementById(id);
const state = { token: null, ws: null, pending: new Map(), nextId: 1, runs: new Map(), hello: null, admin: false };

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined) e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c.nodeType ? c : String(c));
  return e;
}
function status(text) { $('status').textContent = text || ''; }
function fail(e) { status('Error: ' + (e && e.message || e)); }

// ---- REST ----
async function api(method, path, body) {
  const res = await fetch(path, { method, headers: { 'Authorization': 'Bearer ' + state.token,
    ...(body ? { 'Content-Type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  const json = text ? JSON.parse(text) : {};
  if (!res.ok) throw new Error((json.error && json.error.message) || res.status + ' ' + res.statusText);
  return json.data !== undefined ? json.data : json;
}
function firstArray(o) {
  if (Array.isArray(o)) return o;
  for (const v of Object.values(o || {})) if (Array.isArray(v)) return v;
  return [];
}

// ---- device identity (Ed25519 in WebCrypto; without it only a loopback connection is admitted) ----
const b64url = (buf) => btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
async function deviceIdentity() {
  try {
    let stored = JSON.parse(localStorage.getItem('openclaw.device') || 'null');
    let priv, pub;
    if (stored) {
      priv = await crypto.subtle.importKey('jwk', stored.priv, { name: 'Ed25519' }, true, ['sign']);
      pub = await crypto.subtle.importKey('jwk', stored.pub, { name: 'Ed25519' }, true, ['verify']);
    } else {
      const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
      priv = pair.privateKey; pub = pair.publicKey;
      localStorage.setItem('openclaw.device', JSON.stringify({ priv: await crypto.subtle.exportKey('jwk', priv),
        pub: await crypto.subtle.exportKey('jwk', pub) }));
    }
    const raw = await crypto.subtle.exportKey('raw', pub);
    const digest = await crypto.subtle.digest('SHA-256', raw);
    const id = Array.from(new Uint8Array(digest)).map(b => b.toString(16).padStart(2, '0')).join('');
    return { id, publicKey: b64url(raw), priv };
  } catch (e) {
    return null;
  }
}

// ---- WebSocket gateway protocol ----
function request(method, params) {
  return new Promise((resolve, reject) => {
    // until the connect handshake has answered, the gateway accepts no other request on the socket
    if (!state.ws || state.ws.readyState !== WebSocket.OPEN || !state.hello) return reject(new Error('not connected'));
    const id = 'ui-' + (state.nextId++);
    state.pending.set(id, { resolve, reject });
    state.ws.send(JSON.stringify({ type: 'req', id, method, params: params || {} }));
  });
}
function connectWs() {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    state.ws = ws;
    state.hello = null;
    let done = false;
    ws.onmessage = async (m) => {
      const f = JSON.parse(m.data);
      if (f.type === 'event' && f.event === 'connect.challenge') {
        const scopes = ['operator.read', 'operator.write', 'operator.admin'];
        const client = { id: 'openclaw-control-ui', version: '1', platform: navigator.platform || 'web', mode: 'webchat' };
        const params = { minProtocol: 4, maxProtocol: 4, client, role: 'operator', scopes, auth: { token: state.token } };
        const dev = await deviceIdentity();
        if (dev) {
          const signedAt = Date.now();
          const payload = ['v2', dev.id, client.id, client.mode, 'operator', scopes.join(','), String(signedAt),
            state.token, f.payload.nonce].join('|');
          const sig = await crypto.subtle.sign({ name: 'Ed25519' }, dev.priv, new TextEncoder().encode(payload));
          params.device = { id: dev.id, publicKey: dev.publicKey, signature: b64url(sig), signedAt, nonce: f.payload.nonce };
        }
        ws.send(JSON.stringify({ type: 'req', id: 'connect', method: 'connect', params }));
        return;
      }
      if (f.type === 'res' && f.id === 'connect') {
        done = true;
        if (f.ok) { state.hello = f.payload; $('conn').textContent = 'online'; $('conn').classList.add('online'); resolve(f.payload); }
        else reject(new Error(f.error.message));
        return;
      }
      if (f.type === 'res') {
        const p = state.pending.get(f.id);
        if (f.ok && f.payload && f.payload.status === 'accepted') return; // an agent run: the final res follows
        if (p) { state.pending.delete(f.id); f.ok ? p.resolve(f.payload) : p.reject(new Error(f.error.message)); }
        return;
      }
      if (f.type === 'event' && f.event === 'agent') onAgentEvent(f.payload);
    };
    ws.onclose = (e) => {
      $('conn').textContent = 'offline'; $('conn').classList.remove('online');
      for (const p of state.pending.values()) p.reject(new Error('connection closed'));
      state.pending.clear();
      if (!done) reject(new Error(e.reason || 'connection closed'));
    };
  });
}

// ---- chat ----
function sessionKey() {
  const key = $('chat-session').value.trim() || 'main';
  localStorage.setItem('openclaw.session', key);
  return key;
}
function addMessage(role, text) {
  const m = el('div', { class: 'msg ' + role }, text);
  $('messages').append(m); $('messages').scrollTop = $('messages').scrollHeight;
  return m;
}
function toolCard(kind, name, body) {
  const c = el('div', { class: 'card tool' + (kind === 'result' ? ' result' : '') },
    el('h4', {}, (kind === 'result' ? 'Tool result: ' : 'Tool call: ') + name), el('div', {}, body));
  $('messages').append(c); $('messages').scrollTop = $('messages').scrollHeight;
}
function onAgentEvent(p) {
  const run = state.runs.get(p.runId);
  if (!run) return;
  if (p.stream === 'assistant') {
    if (!run.bubble) run.bubble = addMessage('assistant', '');
    run.bubble.textContent = p.data.text;
    $('messages').scrollTop = $('messages').scrollHeight;
  } else if (p.stream === 'tool') {
    if (p.data.phase === 'start') toolCard('call', p.data.name, p.data.args);
    else { toolCard('result', p.data.name, p.data.result); run.bubble = null; }
  } else if (p.stream === 'lifecycle' && p.data.phase === 'error') {
    addMessage('error', p.data.error);
  }
}
async function send(ev) {
  ev.preventDefault();
  const text = $('chat-input').value.trim();
  if (!text) return;
  $('chat-input').value = '';
  addMessage('user', text);
  const runId = 'ui_' + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  state.runs.set(runId, { bubble: null });
  $('chat-stop').disabled = false; $('chat-send').disabled = true;
  const params = { message: text, sessionKey: sessionKey(), idempotencyKey: runId };
  if ($('chat-agent').value) params.agentId = $('chat-agent').value;
  try {
    const res = await request('agent', params);
    if (res.status === 'aborted') addMessage('error', 'stopped');
  } catch (e) { addMessage('error', e.message); }
  finally { state.runs.delete(runId); $('chat-stop').disabled = true; $('chat-send').disabled = false; }
}
async function stop() {
  try { await request('chat.abort', { sessionKey: sessionKey() }); } catch (e) { fail(e); }
}
async function loadHistory() {
  $('messages').textContent = '';
  const h = await request('chat.history', { sessionKey: sessionKey() });
  for (const m of h.messages) {
    if (m.type === 'tool_calls') for (const c of m.content.filter(c => c.type === 'toolCall')) toolCard('call', c.name, c.arguments);
    if (m.type === 'tool_result') { toolCard('result', m.toolName || 'tool', m.text); continue; }
    if (m.type === 'error') { addMessage('error', m.text); continue; }
    if (m.text) addMessage(m.role === 'user' ? 'user' : 'assistant', m.text);
  }
}

// ---- sessions ----
async function loadSessions() {
  const body = $('sessions-body'); body.textContent = '';
  const list = await request('sessions.list', { limit: 200 });
  for (const s of list.sessions) {
    const open = el('button', { class: 'link', onclick: () => { $('chat-session').value = s.key; sessionKey(); location.hash = '#chat'; } }, s.key);
    const rename = el('button', { class: 'link', onclick: async () => {
      const label = prompt('New label for ' + s.key, s.label || '');
      if (label === null) return;
      await request('sessions.patch', { key: s.key, label }).catch(fail); loadSessions();
    } }, 'Rename');
    const del = el('button', { class: 'link', onclick: async () => {
      if (!confirm('Delete session ' + s.key + '?')) return;
      await request('sessions.delete', { key: s.key }).catch(fail); loadSessions();
    } }, 'Delete');
    body.append(el('tr', { 'data-key': s.key }, el('td', {}, open), el('td', {}, s.label || ''), el('td', {}, s.agentId),
      el('td', {}, s.messageCount), el('td', {}, new Date(s.updatedAt).toLocaleString()), el('td', {}, rename, del)));
  }
}

// ---- agents ----
async function loadAgents() {
  const [agents, skills] = await Promise.all([api('GET', '/v2/agents?limit=100'), api('GET', '/v2/skills?limit=100')]);
  const list = $('agents-list'); list.textContent = '';
  const select = $('chat-agent'); const chosen = select.value;
  select.textContent = ''; select.append(el('option', { value: '' }, "(session's)"));
  for (const a of firstArray(agents)) {
    select.append(el('option', { value: a.id }, a.name || a.id));
    list.append(el('div', { class: 'card', 'data-agent': a.id }, el('h4', {}, a.name + ' (' + a.id + ')'),
      el('div', { class: 'meta' }, 'model ' + (a.model && (a.model.provider ? a.model.provider + '/' + a.model.name : a.model) || 'default') +
        ' · memory ' + (a.memory && a.memory.enabled ? 'on' : 'off') + ' · skills ' + (a.skills || []).map(s => s.id).join(', ')),
      el('div', {}, a.systemPrompt || ''), el('button', { class: 'link', onclick: () => editAgent(a) }, 'Edit')));
  }
  select.value = chosen;
  const box = $('agent-skills'); const checked = new Set([...box.querySelectorAll('input:checked')].map(i => i.value));
  box.textContent = '';
  for (const s of firstArray(skills)) {
    const id = s.id || s.name;
    box.append(el('label', {}, el('input', { type: 'checkbox', value: id, ...(checked.has(id) ? { checked: '' } : {}) }), id));
  }
}
function editAgent(a) {
  $('agent-form-title').textContent = 'Edit agent ' + a.id;
  $('agent-id').value = a.id; $('agent-name').value = a.name || '';
  $('agent-model').value = a.model && a.model.provider ? a.model.provider + '/' + a.model.name : (a.model || '');
  $('agent-prompt').value = a.systemPrompt || '';
  $('agent-memory').checked = !!(a.memory && a.memory.enabled);
  const ids = new Set((a.skills || []).map(s => s.id));
  for (const i of $('agent-skills').querySelectorAll('input')) i.checked = ids.has(i.value);
}
async function saveAgent(ev) {
  ev.preventDefault();
  const body = { name: $('agent-name').value.trim(), systemPrompt: $('agent-prompt').value,
    skills: [...$('agent-skills').querySelectorAll('input:checked')].map(i => i.value),
    settings: { memoryEnabled: $('agent-memory').checked } };
  if ($('agent-model').value.trim()) body.model = $('agent-model').value.trim();
  try {
    const id = $('agent-id').value;
    await api(id ? 'PATCH' : 'POST', id ? '/v2/agents/' + encodeURIComponent(id) : '/v2/agents', body);
    status('Agent saved'); newAgent(); loadAgents();
  } catch (e) { fail(e); }
}
function newAgent() { $('agent-form').reset(); $('agent-id').value = ''; $('agent-form-title').textContent = 'New agent'; }

// ---- memory ----
async function searchMemory(ev) {
  ev.preventDefault();
  const out = $('memory-results'); out.textContent = '';
  try {
    const r = await request('memory.search', { query: $('memory-query').value, limit: 10 });
    if (!r.results.length) out.append(el('p', { class: 'meta' }, 'No memories match.'));
    for (const h of r.results) out.append(el('div', { class: 'card memory-hit' }, el('div', {}, h.content),
      el('div', { class: 'meta' }, 'score ' + h.score + ' · ' + (h.tags || []).join(', ') + ' · ' + (h.source || ''))));
  } catch (e) { fail(e); }
}
async function addMemory(ev) {
  ev.preventDefault();
  const tags = $('memory-tags').value.split(',').map(t => t.trim()).filter(Boolean);
  try { await api('POST', '/api/v1/memory', { content: $('memory-content').value, tags }); status('Memory added'); $('memory-add-form').reset(); }
  catch (e) { fail(e); }
}

// ---- tasks, cron, webhooks, keys ----
async function loadTasks() {
  const list = $('tasks-list'); list.textContent = '';
  for (const t of firstArray(await api('GET', '/v1/tasks?limit=50'))) {
    list.append(el('div', { class: 'card' }, el('h4', {}, (t.name || t.type) + ' · ' + t.status),
      el('div', { class: 'progress' }, el('span', { style: null, 'data-p': t.progress || 0 })),
      el('div', { class: 'meta' }, (t.progress || 0) + '% · ' + t.id + ' · ' + (t.created_at || '')),
      t.error ? el('div', { class: 'error' }, JSON.stringify(t.error)) : null,
      t.status === 'pending' || t.status === 'running'
        ? el('button', { class: 'link', onclick: async () => { await api('DELETE', '/v1/tasks/' + t.id).catch(fail); loadTasks(); } }, 'Cancel') : null));
  }
  for (const s of list.querySelectorAll('.progress span')) s.style.width = s.dataset.p + '%';
}
async function startTask(ev) {
  ev.preventDefault();
  try { await api('POST', '/v1/tasks', { name: 'ui task', type: 'agent', parameters: { message: $('task-message').value } }); $('task-form').reset(); loadTasks(); }
  catch (e) { fail(e); }
}
async function loadCron() {
  const list = $('cron-list'); list.textContent = '';
  for (const j of (await request('cron.list', {})).jobs) {
    const runs = el('div', { class: 'meta' });
    list.append(el('div', { class: 'card' }, el('h4', {}, j.name + (j.enabled ? '' : ' (disabled)')),
      el('div', { class: 'meta' }, 'next run ' + (j.nextRun ? new Date(j.nextRun).toLocaleString() : '—')),
      el('button', { class: 'link', onclick: async () => { await request('cron.run', { id: j.id }).catch(fail); showRuns(); } }, 'Run now'),
      el('button', { class: 'link', onclick: () => showRuns() }, 'History'),
      el('button', { class: 'link', onclick: async () => { await request('cron.remove', { id: j.id }).catch(fail); loadCron(); } }, 'Delete'), runs));
    async function showRuns() {
      const r = await request('cron.runs', { id: j.id, limit: 10 });
      runs.textContent = r.entries.length ? r.entries.map(e => e.startedAt + ' ' + e.status).join('\n') : 'no runs yet';
    }
  }
}
async function addCron(ev) {
  ev.preventDefault();
  try {
    await request('cron.add', { name: $('cron-name').value, schedule: { kind: 'every', everyMs: Number($('cron-every').value) * 60000 },
      payload: { kind: 'agentTurn', message: $('cron-message').value } });
    $('cron-form').reset(); loadCron();
  } catch (e) { fail(e); }
}
async function loadWebhooks() {
  const list = $('webhooks-list'); list.textContent = '';
  for (const w of firstArray(await api('GET', '/v2/webhooks'))) {
    const log = el('div', { class: 'meta' });
    list.append(el('div', { class: 'card' }, el('h4', {}, w.url), el('div', { class: 'meta' }, (w.events || []).join(', ') + ' · ' + (w.status || '')),
      el('button', { class: 'link', onclick: async () => {
        const d = firstArray(await api('GET', '/v2/webhooks/' + w.id + '/deliveries'));
        log.textContent = d.length ? d.map(x => [x.event, x.status, 'attempts ' + x.attempts, x.nextAttemptAt ? 'retry ' + x.nextAttemptAt : '', x.lastError || ''].join(' · ')).join('\n') : 'no deliveries yet';
      } }, 'Deliveries'),
      el('button', { class: 'link', onclick: async () => { await api('DELETE', '/v2/webhooks/' + w.id).catch(fail); loadWebhooks(); } }, 'Delete'), log));
  }
}
async function addWebhook(ev) {
  ev.preventDefault();
  try {
    const r = await api('POST', '/v2/webhooks', { url: $('webhook-url').value, events: $('webhook-events').value.split(',').map(s => s.trim()).filter(Boolean) });
    status(r.secret ? 'Webhook secret (shown once): ' + r.secret : 'Webhook added'); $('webhook-form').reset(); loadWebhooks();
  } catch (e) { fail(e); }
}
async function loadKeys() {
  const list = $('keys-list'); list.textContent = '';
  for (const k of firstArray(await api('GET', '/api/v1/keys'))) {
    list.append(el('div', { class: 'card' }, el('h4', {}, k.name + ' · ' + k.status), el('div', { class: 'meta' },
      k.prefix + '… · ' + (k.scopes || []).join(', ') + ' · plan ' + k.plan + ' · last used ' + (k.lastUsedAt || 'never')),
      k.status === 'active' ? el('button', { class: 'link', onclick: async () => { await api('DELETE', '/api/v1/keys/' + k.id).catch(fail); loadKeys(); } }, 'Revoke') : null));
  }
}
async function addKey(ev) {
  ev.preventDefault();
  try {
    const r = await api('POST', '/api/v1/keys', { name: $('key-name').value, plan: $('key-plan').value,
      scopes: $('key-scopes').value.split(',').map(s => s.trim()).filter(Boolean) });
    $('key-secret').textContent = 'New key (shown once): ' + r.key; $('key-form').reset(); loadKeys();
  } catch (e) { fail(e); }
}

// ---- navigation and login ----
const loaders = { chat: loadHistory, sessions: loadSessions, agents: loadAgents, tasks: loadTasks, cron: loadCron,
  webhooks: loadWebhooks, keys: loadKeys, memory: async () => {} };
function route() {
  const view = (location.hash || '#chat').slice(1);
  for (const s of document.querySelectorAll('.view')) s.classList.toggle('hidden', s.id !== 'view-' + view);
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.view === view);
  status('');
  if (state.hello && loaders[view]) loaders[view]().catch(fail); // before login completes, login() routes
}
async function login(token) {
  state.token = token;
  try {
    await connectWs();
    sessionStorage.setItem('openclaw.token', token);
    $('login').classList.add('hidden'); $('app').classList.remove('hidden');
    loadAgents().catch(() => {});
    route();
  } catch (e) {
    $('login-error').textContent = 'Login failed: ' + e.message;
    sessionStorage.removeItem('openclaw.token');
  }
}
document.addEventListener('DOMContentLoaded', () => {
  $('login-form').addEventListener('submit', (e) => { e.preventDefault(); login($('login-token').value.trim()); });
  $('logout').addEventListener('click', () => { sessionStorage.removeItem('openclaw.token'); if (state.ws) state.ws.close(); location.reload(); });
  $('chat-form').addEventListener('submit', send);
  $('chat-input').addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); $('chat-form').requestSubmit(); } });
  $('chat-stop').addEventListener('click', stop);
  $('chat-session').value = localStorage.getItem('openclaw.session') || 'main';
  $('chat-session').addEventListener('change', () => loadHistory().catch(fail));
  $('agent-form').addEventListener('submit', saveAgent);
  $('agent-new').addEventListener('click', newAgent);
  $('memory-search-form').addEventListener('submit', searchMemory);
  $('memory-add-form').addEventListener('submit', addMemory);
  $('task-form').addEventListener('submit', startTask);
  $('cron-form').addEventListener('submit', addCron);
  $('webhook-form').addEventListener('submit', addWebhook);
  $('key-form').addEventListener('submit', addKey);
  window.addEventListener('hashchange', route);
  const saved = sessionStorage.getItem('openclaw.token');
  if (saved) login(saved);
});
