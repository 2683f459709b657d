/** Every route of the Alert Logic simulator, one server for every service the endpoints service names. */
import { ACCESS_KEY_ROUTES } from './access-key-routes';
import { AIMS_ROUTES } from './aims-routes';
import { COLLECTOR_ROUTES } from './collector-routes';
import { ENDPOINT_ROUTES } from './endpoints-routes';
import { INGEST_ROUTES } from './ingest-routes';
import { IRIS_ROUTES } from './iris-routes';
import { type Handler, type Route } from './route-kit';

const ROUTES: Route[] = [
  ...AIMS_ROUTES,
  ...ACCESS_KEY_ROUTES,
  ...ENDPOINT_ROUTES,
  ...COLLECTOR_ROUTES,
  ...INGEST_ROUTES,
  ...IRIS_ROUTES,
];

/** Finds the route; `405` when the path exists under another method, `404` otherwise. */
export function matchRoute(method: string, path: string): { handler: Handler; params: string[] } | number {
  let pathKnown = false;
  for (const route of ROUTES) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    pathKnown = true;
    if (route.method === method) return { handler: route.handler, params: m.slice(1).map(decodeURIComponent) };
  }
  return pathKnown ? 405 : 404;
}
