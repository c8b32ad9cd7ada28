/* global document, window, location */
// The attendflow web-chat widget: plain browser JavaScript, no build step. It talks to the
// server over one websocket; the server is the source of truth for the transcript (the visitor's
// own messages appear when the server has them), so a reload shows the same chat.

const connectionId = location.pathname.split('/').filter(Boolean).pop() ?? '';
const sessionKey = `attendflow.widget.${connectionId}.session`;
const $ = (id) => document.getElementById(id);

const ui = {
  status: $('status'),
  prechat: $('prechat'),
  prechatFields: $('prechat-fields'),
  messages: $('messages'),
  rating: $('rating'),
  closed: $('closed'),
  composer: $('composer'),
  text: $('text'),
};

let sessionId = localStorage.getItem(sessionKey) ?? newSessionId();
let socket = null;
let retryMs = 500;
let options = { offerRating: true, showOperatorName: true, showOperatorPhoto: false };
let preChatFields = [];
let customer = null;
let hasConversation = false;
const shown = new Set();

// crypto.randomUUID exists only on https and localhost; getRandomValues everywhere.
function randomId() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

function newSessionId() {
  const id = randomId();
  localStorage.setItem(sessionKey, id);
  return id;
}

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${location.host}/api/widget/${encodeURIComponent(connectionId)}?session=${encodeURIComponent(sessionId)}`;
  socket = new WebSocket(url);
  socket.addEventListener('open', () => {
    retryMs = 500;
    setStatus('Online');
  });
  socket.addEventListener('message', (event) => handle(JSON.parse(event.data)));
  socket.addEventListener('close', (event) => {
    if (event.code === 4404) return setStatus('This chat is not available.');
    setStatus('Reconnecting…');
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 15_000);
  });
}

function handle(frame) {
  switch (frame.type) {
    case 'ready':
      options = frame.options;
      preChatFields = frame.preChat ?? [];
      hasConversation = frame.status !== null;
      showPreChat(!hasConversation && preChatFields.length > 0 && customer === null);
      if (frame.status === 'closed') showClosed();
      break;
    case 'message':
      hasConversation = true;
      addMessage(frame);
      break;
    case 'ack':
      break;
    case 'rating':
      if (options.offerRating) ui.rating.hidden = false;
      break;
    case 'closed':
      showClosed();
      break;
    case 'error':
      addNotice(frame.message);
      break;
    default:
      break;
  }
}

function addMessage(message) {
  if (shown.has(message.id)) return;
  shown.add(message.id);
  const item = document.createElement('li');
  item.className = `message message-${message.author}`;
  if (message.author === 'agent' && message.operator && options.showOperatorName) {
    const name = document.createElement('span');
    name.className = 'message-operator';
    name.textContent = message.operator.name;
    item.append(name);
  }
  const text = document.createElement('p');
  text.className = 'message-text';
  text.textContent = message.text;
  const time = document.createElement('time');
  time.dateTime = message.at;
  time.textContent = new Date(message.at).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
  });
  item.append(text, time);
  ui.messages.append(item);
  ui.messages.scrollTop = ui.messages.scrollHeight;
}

function addNotice(text) {
  const item = document.createElement('li');
  item.className = 'notice';
  item.textContent = text;
  ui.messages.append(item);
}

function setStatus(text) {
  ui.status.textContent = text;
}

function showPreChat(visible) {
  ui.prechat.hidden = !visible;
  ui.composer.hidden = visible;
  if (!visible) return;
  ui.prechatFields.replaceChildren(
    ...preChatFields.map((field, index) => {
      const label = document.createElement('label');
      label.textContent =
        field.label ||
        { name: 'Name', email: 'E-mail', phone: 'Phone' }[field.field] ||
        field.field;
      const input = document.createElement('input');
      input.name = `field-${index}`;
      input.type = { email: 'email', phone: 'tel' }[field.field] ?? 'text';
      input.required = field.required;
      label.append(input);
      return label;
    }),
  );
}

function showClosed() {
  ui.closed.hidden = false;
  ui.composer.hidden = true;
  ui.rating.hidden = true;
}

ui.prechat.addEventListener('submit', (event) => {
  event.preventDefault();
  customer = { fields: {} };
  preChatFields.forEach((field, index) => {
    const value = ui.prechat.elements[`field-${index}`].value.trim();
    if (!value) return;
    if (field.field === 'custom') customer.fields[field.label] = value;
    else customer[field.field] = value;
  });
  showPreChat(false);
  ui.text.focus();
});

ui.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = ui.text.value.trim();
  if (!text || socket?.readyState !== WebSocket.OPEN) return;
  const frame = { type: 'message', sessionId, messageId: randomId(), text };
  if (!hasConversation && customer) frame.customer = customer;
  socket.send(JSON.stringify(frame));
  ui.text.value = '';
});

ui.text.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    ui.composer.requestSubmit();
  }
});

ui.rating.addEventListener('click', (event) => {
  const rating = event.target?.dataset?.rating;
  if (!rating || socket?.readyState !== WebSocket.OPEN) return;
  socket.send(JSON.stringify({ type: 'rating', sessionId, messageId: randomId(), rating }));
  ui.rating.hidden = true;
  addNotice('Thank you for your rating!');
});

$('new-chat').addEventListener('click', () => {
  sessionId = newSessionId();
  customer = null;
  hasConversation = false;
  shown.clear();
  ui.messages.replaceChildren();
  ui.closed.hidden = true;
  ui.composer.hidden = false;
  socket?.close();
});

window.addEventListener('pagehide', () => socket?.close());
connect();
