import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';

// In-app notification centre routes: being written (issue 3).
export function notificationRoutes(_app: FastifyInstance, _s: Services): void {}
