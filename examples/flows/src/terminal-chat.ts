/**
 * `pnpm start`: talk to an example flow in the terminal. You write as the customer (and, with
 * commands, as the agent); the engine runs the flow with the channel's real rules on a virtual
 * clock that `/wait` moves on. Without a terminal (piped or CI) it plays every example's script.
 */
import { createInterface } from 'node:readline/promises';
import { stdin, stdout, argv } from 'node:process';
import { SimulatedConversation, toMs } from '@attendflow/engine/testing';
import { createBuiltInRegistry } from '@attendflow/nodes/runtime';
import { examples, loadExample, type Example } from './examples.js';
import { playScript } from './play-script.js';

const registry = createBuiltInRegistry();
const help = `Type as the customer, or:
  /take [agent]        an agent takes the conversation
  /reply <text>        the agent answers publicly      /private <text>   …privately
  /eval                the agent requests an evaluation
  /rate <0-10|good|bad> the customer evaluates
  /close [solution]    the agent closes
  /wait <30s|10m|2h>   time passes (timers fire)       /next   jump to the next timer
  /state               where the flow is               /quit`;

function pick(name: string | undefined): Example {
  const found =
    examples.find((example) => example.id === name) ??
    examples.find((example) => example.id === 'web-chat');
  if (!found) throw new Error('no example flows');
  return found;
}

async function interactive(example: Example): Promise<void> {
  const chat = new SimulatedConversation(loadExample(example), {
    registry,
    channel: example.channel,
    start: example.start,
    startAt: example.startAt,
  });
  let shown = 0;
  const flush = () => {
    for (const line of chat.transcript.lines().slice(shown)) console.log(line);
    shown = chat.transcript.entries.length;
  };
  console.log(`attendflow — ${example.title} (channel ${example.channel})\n${help}\n`);
  flush();
  const rl = createInterface({ input: stdin, output: stdout, prompt: '> ' });
  let agent = 'agent';
  rl.prompt();
  for await (const line of rl) {
    const [command = '', ...rest] = line.trim().split(' ');
    const text = rest.join(' ');
    try {
      if (command === '/quit') break;
      else if (command === '/take') {
        agent = text || agent;
        chat.send({ type: 'agent.took', agentId: agent });
      } else if (command === '/reply' || command === '/private')
        chat.send({
          type: 'agent.reply',
          agentId: agent,
          text,
          visibility: command === '/reply' ? 'public' : 'private',
        });
      else if (command === '/eval')
        chat.send({ type: 'agent.requested-evaluation', agentId: agent });
      else if (command === '/rate')
        chat.send(
          text === 'good' || text === 'bad'
            ? { type: 'customer.evaluated', rating: text }
            : { type: 'customer.evaluated', score: Number(text) },
        );
      else if (command === '/close')
        chat.send({ type: 'agent.closed', agentId: agent, ...(text ? { solution: text } : {}) });
      else if (command === '/wait') chat.wait(toMs(text || '1m'));
      else if (command === '/next') {
        if (!chat.nextTimer()) console.log('(no timer armed)');
      } else if (command === '/state') {
        const { value, context } = chat.snapshot;
        console.log(`flow at ${value} · ${JSON.stringify(context.fields)}`);
      } else if (command.startsWith('/')) console.log(help);
      else if (line.trim() !== '') chat.send({ type: 'customer.message', text: line.trim() });
    } catch (error) {
      console.log(`error: ${error instanceof Error ? error.message : String(error)}`);
    }
    flush();
    rl.prompt();
  }
  rl.close();
}

const name = argv[2];
if (stdin.isTTY) {
  await interactive(pick(name));
} else {
  for (const example of name ? [pick(name)] : examples) {
    console.log(`\n== ${example.title} (channel ${example.channel}) ==`);
    console.log(playScript(example, registry).transcript.toString());
  }
}
