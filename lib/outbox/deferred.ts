/**
 * Thrown by a handler that cannot run its job yet because another worker is still doing its effect (a slow
 * e-mail send whose job's lease ran out): not a failure, so the job is due again after `retryInSeconds` without
 * using up an attempt.
 */
export class JobDeferred extends Error {
  constructor(
    message: string,
    readonly retryInSeconds: number,
  ) {
    super(message);
    this.name = "JobDeferred";
  }
}
