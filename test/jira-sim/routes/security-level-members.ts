/**
 * Issue security levels, the administrator's side (Cloud; Administer Jira): PUT
 * /issuesecurityschemes/{schemeId}/level/{levelId}/member adds members to a level, named as in a permission grant
 * (`projectrole` with the role's id, `group`, `user`, `reporter`…). Jira answers 204 without a body.
 */
import { addLevelMembers } from '../scenario/edit';
import type { Holder } from '../scenario/world';
import { holderFromRequest } from './holders';
import { error, notAuthenticated } from './reply';
import { INVALID_JSON, type Route } from './route';

export const addSecurityLevelMembers: Route = {
  method: 'PUT',
  path: '/issuesecurityschemes/{schemeId}/level/{levelId}/member',
  cloud: { spec: '/rest/api/3/issuesecurityschemes/{schemeId}/level/{levelId}/member', answers: [204, 400, 401, 403, 404] },
  handle(ctx) {
    if (!ctx.subject) return notAuthenticated();
    if (!ctx.permissions.hasGlobal(ctx.subject, 'ADMINISTER'))
      return error(403, 'You are not authorized to perform this action. Administrator privileges are required.');
    const scheme = ctx.world.issueSecuritySchemes.find((s) => String(s.id) === ctx.params.schemeId);
    if (!scheme) return error(404, `Issue security scheme with ID ${ctx.params.schemeId} not found.`);
    const level = scheme.levels.find((l) => String(l.id) === ctx.params.levelId);
    if (!level) return error(404, `Issue security level with ID ${ctx.params.levelId} not found.`);
    const body = ctx.body === INVALID_JSON ? undefined : (ctx.body as { members?: unknown } | undefined);
    const raw = Array.isArray(body?.members) ? (body.members as unknown[]) : [];
    if (!raw.length) return error(400, 'The list of members to add must not be empty.');
    const members: Holder[] = [];
    for (const member of raw) {
      // Security levels spell the role's type `projectrole`; permission schemes `projectRole`.
      const { type } = (member ?? {}) as { type?: unknown };
      const holder = holderFromRequest(ctx.world, { ...(member as object), type: type === 'projectrole' ? 'projectRole' : type });
      if (!holder) return error(400, `The member ${JSON.stringify(member ?? null)} does not exist.`);
      members.push(holder);
    }
    addLevelMembers(level, members);
    return { status: 204 };
  },
};
