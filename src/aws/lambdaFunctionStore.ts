import { ListFunctionsCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { callAws, nextTokenOf, type StoreContext } from './call';
import type { CallOptions, FunctionStore, LambdaFunctionSummary, Logger } from './types';

export class LambdaFunctionStore implements FunctionStore {
  constructor(
    private readonly client: LambdaClient,
    private readonly context: StoreContext,
    private readonly logger: Logger,
  ) {}

  /** Every function in the region (candidates for a rotation Lambda). */
  async listFunctions(options?: CallOptions): Promise<LambdaFunctionSummary[]> {
    const functions: LambdaFunctionSummary[] = [];
    let marker: string | undefined;
    do {
      const response = await callAws(this.context, this.logger, { operation: 'ListFunctions' }, options, (abortSignal) =>
        this.client.send(new ListFunctionsCommand({ MaxItems: 50, Marker: marker }), { abortSignal }),
      );
      for (const f of response.Functions ?? []) {
        if (f.FunctionName && f.FunctionArn)
          functions.push({ name: f.FunctionName, arn: f.FunctionArn, runtime: f.Runtime, description: f.Description || undefined });
      }
      marker = nextTokenOf(response.NextMarker, marker);
    } while (marker);
    return functions.sort((a, b) => a.name.localeCompare(b.name));
  }
}
