/**
 * GET /issue/{issueIdOrKey}/transitions — the transitions the caller may make on the issue now (getTransitions):
 * none without Transition Issues there, and only those whose condition the caller meets. 404 for an issue that is
 * missing or that the caller can't see; on Cloud an anonymous caller gets 401 instead unless the issue is open to
 * anyone (inferred, as for bulkfetch: the spec declares 401 and says the operation "can be accessed anonymously").
 * `transitionId` narrows the list to one (empty when that one isn't offered).
 */
import type { SimTransition } from '../scenario/world';
import { visibleIssue } from './lookup';
import { notAuthenticated, ok } from './reply';
import type { Route, RouteContext } from './route';

export const issueTransitions: Route = {
  method: 'GET',
  path: '/issue/{issueIdOrKey}/transitions',
  cloud: { spec: '/rest/api/3/issue/{issueIdOrKey}/transitions', answers: [200, 401, 404] },
  datacenter: { spec: '/api/2/issue/{issueIdOrKey}/transitions', answers: [200, 404] },
  handle(ctx) {
    const idOrKey = ctx.params.issueIdOrKey;
    const lookup = visibleIssue(ctx, /^\d+$/.test(idOrKey) ? idOrKey : idOrKey.toUpperCase());
    if (lookup.reply) return !ctx.subject && ctx.world.flavour === 'cloud' ? notAuthenticated() : lookup.reply;
    const only = ctx.query.get('transitionId');
    const offered = ctx.permissions.transitionsOn(ctx.subject, lookup.found).filter((t) => only === null || t.id === only);
    return ok({ transitions: offered.map((t) => render(ctx, t)) });
  },
};

function render(ctx: RouteContext, t: SimTransition): Record<string, unknown> {
  const done = /^(done|closed|resolved)$/i.test(t.to.name);
  const to = {
    self: `${ctx.apiUrl}/status/${t.to.id}`,
    description: '',
    iconUrl: `${ctx.siteUrl}/images/icons/statuses/generic.png`,
    name: t.to.name,
    id: t.to.id,
    statusCategory: {
      self: `${ctx.apiUrl}/statuscategory/${done ? 3 : 4}`,
      id: done ? 3 : 4,
      key: done ? 'done' : 'indeterminate',
      colorName: done ? 'green' : 'yellow',
      name: done ? 'Done' : 'In Progress',
    },
  };
  if (ctx.world.flavour === 'datacenter') return { id: t.id, name: t.name, to };
  return { id: t.id, name: t.name, to, hasScreen: false, isGlobal: false, isInitial: false, isAvailable: true, isConditional: !!t.holders, looped: false };
}
