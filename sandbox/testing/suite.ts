import { afterAll, beforeAll } from "vitest";

import { startTestSandbox, startWebhookReceiver, type TestSandbox, type WebhookReceiver } from "./harness";

/** Stands for a value that exists only once beforeAll has run: every use reads the real one. */
function startedLater<T extends object>(current: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_target, property) {
      const value = current();
      if (!value) throw new Error("used before the suite's beforeAll started it");
      const member = Reflect.get(value, property, value);
      return typeof member === "function" ? member.bind(value) : member;
    },
  });
}

/**
 * A sandbox for the test file, sending its webhooks to a local receiver: started before its tests, closed
 * after. `const { t, hooks } = sandboxWithWebhooks();` at the top of the file.
 */
export function sandboxWithWebhooks() {
  let sandbox: TestSandbox | undefined;
  let receiver: WebhookReceiver | undefined;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    sandbox = await startTestSandbox({ webhookUrl: receiver.url });
  });
  afterAll(async () => {
    await sandbox?.close();
    await receiver?.close();
  });
  return { t: startedLater(() => sandbox), hooks: startedLater(() => receiver) };
}
