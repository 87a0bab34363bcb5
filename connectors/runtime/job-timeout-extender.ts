/**
 * Keeps a long-running job from timing out: while `run` is busy, the job's timeout is pushed forward every half
 * timeout with UpdateJobTimeout. That RPC came with Zeebe 8.4; zeebe-node 8.3.2 has no method for it, so it is called
 * on zeebe-node's own gRPC channel (same address, TLS and OAuth token) with the request encoded here by protobufjs.
 * A gateway without it (Zeebe 8.3) answers UNIMPLEMENTED: then extending stops for good, and a job that outlives its
 * timeout may be handed to another worker; connectors are written so that a repeated run does no harm.
 */
import * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import protobuf from 'protobufjs';
import type { ZBClient } from 'zeebe-node';

const UPDATE_JOB_TIMEOUT_PATH = '/gateway_protocol.Gateway/UpdateJobTimeout';

/** The parts of zeebe-node's internal GrpcClient this needs; checked at run time, since they are not public. */
interface ZeebeNodeGrpc {
  client: grpc.Client;
  getAuthToken(): Promise<grpc.Metadata>;
}

/** UpdateJobTimeoutRequest: jobKey = 1 (int64), timeout = 2 (int64, ms), as the Zeebe gateway protocol documents. */
function encodeRequest(request: { jobKey: string; timeoutMs: number }): Buffer {
  const writer = protobuf.Writer.create();
  writer.uint32((1 << 3) | 0).int64(request.jobKey);
  writer.uint32((2 << 3) | 0).int64(request.timeoutMs);
  return Buffer.from(writer.finish());
}

export class JobTimeoutExtender {
  private supported: boolean;
  private readonly channel: ZeebeNodeGrpc | undefined;

  constructor(zbc: ZBClient, private readonly logger: Logger, private readonly onExtended: (jobType: string) => void = () => {}) {
    const candidate = (zbc as unknown as { grpc?: Partial<ZeebeNodeGrpc> }).grpc;
    this.channel = typeof candidate?.client?.makeUnaryRequest === 'function' && typeof candidate.getAuthToken === 'function'
      ? (candidate as ZeebeNodeGrpc)
      : undefined;
    this.supported = this.channel !== undefined;
    if (!this.supported) logger.warn('zeebe-node exposes no gRPC channel; long jobs cannot have their timeout extended');
  }

  /** Extends the job's timeout every `timeoutMs / 2` until the returned function is called. */
  keepAlive(job: { key: string; type: string }, timeoutMs: number): () => void {
    if (!this.supported) return () => {};
    const interval = setInterval(() => void this.extend(job, timeoutMs), Math.max(50, Math.floor(timeoutMs / 2)));
    interval.unref();
    return () => clearInterval(interval);
  }

  private async extend(job: { key: string; type: string }, timeoutMs: number): Promise<void> {
    if (!this.supported || !this.channel) return;
    try {
      await this.call(this.channel, { jobKey: job.key, timeoutMs });
      this.onExtended(job.type);
    } catch (error) {
      const status = (error as grpc.ServiceError).code;
      if (status === grpc.status.UNIMPLEMENTED) {
        this.supported = false;
        this.logger.warn('The gateway does not offer UpdateJobTimeout (Zeebe before 8.4); long jobs may time out and run again');
      } else {
        this.logger.warn({ jobKey: job.key, err: error }, 'Could not extend the job timeout');
      }
    }
  }

  private async call(channel: ZeebeNodeGrpc, request: { jobKey: string; timeoutMs: number }): Promise<void> {
    const metadata = await channel.getAuthToken();
    await new Promise<void>((resolve, reject) => {
      channel.client.makeUnaryRequest(UPDATE_JOB_TIMEOUT_PATH, encodeRequest, () => ({}), request, metadata, (error) => (error ? reject(error) : resolve()));
    });
  }
}
