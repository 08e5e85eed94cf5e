import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';

// 提案 routes: being written (issue 3).
export function proposalRoutes(_app: FastifyInstance, _s: Services): void {}
