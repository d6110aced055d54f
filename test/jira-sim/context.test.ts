/** mypermissions: what context does to the answer — global, project, issue — on the demo and issue-roles worlds. */
import { strict as assert } from 'node:assert';
import { CLOUD, ROLES, call, held, useSim } from './helpers';
import { SCENARIOS } from './index';

describe('mypermissions context semantics', () => {
  describe('demo world (Cloud)', () => {
    const s = useSim(SCENARIOS.demo);
    const ask = (auth: string | undefined, query: string) => held(s.sim, auth, query);

    it('with no context, a project permission is held if it is held in any project', async () => {
      // Jan may attach files in ENG (Developers) though not in OPS (ops-team only).
      assert.deepEqual(await ask(CLOUD.jan, 'permissions=CREATE_ATTACHMENTS,CLOSE_ISSUES'), {
        CREATE_ATTACHMENTS: true,
        CLOSE_ISSUES: false,
      });
      // Only QA closes issues in ENG and SUP, and Priya alone is QA.
      assert.deepEqual(await ask(CLOUD.priya, 'permissions=CLOSE_ISSUES'), { CLOSE_ISSUES: true });
    });

    it('in a project, the project scheme decides', async () => {
      assert.deepEqual(await ask(CLOUD.jan, 'projectKey=ENG&permissions=CREATE_ATTACHMENTS,CLOSE_ISSUES'), {
        CREATE_ATTACHMENTS: true,
        CLOSE_ISSUES: false,
      });
      assert.deepEqual(await ask(CLOUD.jan, 'projectKey=OPS&permissions=CREATE_ATTACHMENTS,WORK_ON_ISSUES,CLOSE_ISSUES'), {
        CREATE_ATTACHMENTS: false,
        WORK_ON_ISSUES: false,
        CLOSE_ISSUES: false,
      });
      assert.deepEqual(await ask(CLOUD.priya, 'projectKey=OPS&permissions=CREATE_ATTACHMENTS,CLOSE_ISSUES'), {
        CREATE_ATTACHMENTS: true,
        CLOSE_ISSUES: false,
      });
      // In OPS the project lead (Alana) closes issues.
      assert.deepEqual(await ask(CLOUD.alana, 'projectKey=OPS&permissions=CLOSE_ISSUES'), { CLOSE_ISSUES: true });
    });

    it('counts a grant to Reporter in a project for any signed-in user, never for anonymous', async () => {
      // Alana is no Developer: EDIT_ISSUES reaches her only through "reporter".
      assert.deepEqual(await ask(CLOUD.alana, 'projectKey=ENG&permissions=EDIT_ISSUES'), { EDIT_ISSUES: true });
      assert.deepEqual(await ask(undefined, 'permissions=EDIT_ISSUES'), { EDIT_ISSUES: false });
    });

    it('on an issue, the issue decides, security level included', async () => {
      assert.deepEqual(await ask(CLOUD.jan, 'issueKey=OPS-3&permissions=CREATE_ATTACHMENTS,EDIT_ISSUES'), {
        CREATE_ATTACHMENTS: false,
        EDIT_ISSUES: true,
      });
      assert.deepEqual(await ask(CLOUD.jan, 'issueKey=ENG-7&permissions=SET_ISSUE_SECURITY'), {
        SET_ISSUE_SECURITY: true,
      });
      // ENG-9 is Top-secret (project Administrators): Jan cannot see it at all.
      const hidden = await call(s.sim, '/rest/api/2/mypermissions?issueKey=ENG-9&permissions=EDIT_ISSUES', {
        auth: CLOUD.jan,
      });
      assert.equal(hidden.status, 404);
      const missing = await call(s.sim, '/rest/api/2/mypermissions?issueKey=ENG-999&permissions=EDIT_ISSUES', {
        auth: CLOUD.jan,
      });
      assert.deepEqual([missing.status, missing.body], [hidden.status, hidden.body], 'a hidden issue looks like a missing one');
    });

    it('global permissions ignore context', async () => {
      for (const context of ['', 'projectKey=ENG&', 'issueKey=ENG-1&']) {
        assert.deepEqual(await ask(CLOUD.jan, `${context}permissions=USER_PICKER,ADMINISTER`), {
          USER_PICKER: true,
          ADMINISTER: false,
        });
      }
      assert.deepEqual(await ask(CLOUD.alana, 'projectKey=SEC&permissions=ADMINISTER,BULK_CHANGE'), {
        ADMINISTER: true,
        BULK_CHANGE: true,
      });
    });

    it('reads ids as well as keys; an issue beats a project, an id beats a key', async () => {
      assert.deepEqual(await ask(CLOUD.jan, 'projectId=10001&permissions=CREATE_ATTACHMENTS'), {
        CREATE_ATTACHMENTS: false,
      });
      assert.deepEqual(await ask(CLOUD.jan, 'issueId=10103&permissions=CREATE_ATTACHMENTS'), {
        CREATE_ATTACHMENTS: false,
      });
      assert.deepEqual(await ask(CLOUD.jan, 'projectKey=ENG&projectId=10001&permissions=CREATE_ATTACHMENTS'), {
        CREATE_ATTACHMENTS: false,
      });
      assert.deepEqual(await ask(CLOUD.jan, 'projectKey=ENG&issueKey=OPS-3&permissions=CREATE_ATTACHMENTS'), {
        CREATE_ATTACHMENTS: false,
      });
      assert.deepEqual(await ask(CLOUD.jan, 'issueKey=ENG-1&issueId=10103&permissions=CREATE_ATTACHMENTS'), {
        CREATE_ATTACHMENTS: false,
      });
    });
  });

  describe('issue roles, custom fields, users, leads and application roles (Cloud)', () => {
    const s = useSim(SCENARIOS.issueRoles);
    const ask = (who: keyof typeof ROLES | undefined, query: string) => held(s.sim, who && ROLES[who].cloud, query);
    const ISSUE_ROLE_PERMISSIONS = 'permissions=EDIT_ISSUES,RESOLVE_ISSUES,CLOSE_ISSUES,TRANSITION_ISSUES';

    it('in a project, reporter, assignee and custom-field grants count for every signed-in user', async () => {
      for (const who of ['rita', 'amir', 'carl', 'gina'] as const) {
        assert.deepEqual(
          await ask(who, `projectKey=HELP&${ISSUE_ROLE_PERMISSIONS}`),
          {
            EDIT_ISSUES: true,
            RESOLVE_ISSUES: true,
            CLOSE_ISSUES: true,
            TRANSITION_ISSUES: true,
          },
          who,
        );
      }
    });

    it('on an issue, only its reporter, assignee and field values count', async () => {
      const onHelp1 = (who: keyof typeof ROLES) => ask(who, `issueKey=HELP-1&${ISSUE_ROLE_PERMISSIONS}`);
      // HELP-1: reporter Rita, assignee Amir, Approvers [Carl], Owning team [helpdesk] (Gina).
      assert.deepEqual(await onHelp1('rita'), {
        EDIT_ISSUES: true,
        RESOLVE_ISSUES: false,
        CLOSE_ISSUES: false,
        TRANSITION_ISSUES: false,
      });
      assert.deepEqual(await onHelp1('amir'), {
        EDIT_ISSUES: false,
        RESOLVE_ISSUES: true,
        CLOSE_ISSUES: false,
        TRANSITION_ISSUES: false,
      });
      assert.deepEqual(await onHelp1('carl'), {
        EDIT_ISSUES: false,
        RESOLVE_ISSUES: false,
        CLOSE_ISSUES: true,
        TRANSITION_ISSUES: false,
      });
      assert.deepEqual(await onHelp1('gina'), {
        EDIT_ISSUES: false,
        RESOLVE_ISSUES: false,
        CLOSE_ISSUES: false,
        TRANSITION_ISSUES: true,
      });
      // HELP-2 has no assignee and no field values.
      assert.deepEqual(await ask('amir', `issueKey=HELP-2&${ISSUE_ROLE_PERMISSIONS}`), {
        EDIT_ISSUES: true,
        RESOLVE_ISSUES: false,
        CLOSE_ISSUES: false,
        TRANSITION_ISSUES: false,
      });
    });

    it('grants to a single user, the project lead and an application role', async () => {
      const q = 'projectKey=HELP&permissions=LINK_ISSUES,ASSIGN_ISSUES,CREATE_ISSUES';
      assert.deepEqual(await ask('carl', q), { LINK_ISSUES: true, ASSIGN_ISSUES: false, CREATE_ISSUES: false });
      assert.deepEqual(await ask('rita', q), { LINK_ISSUES: false, ASSIGN_ISSUES: true, CREATE_ISSUES: false });
      assert.deepEqual(await ask('gina', q), { LINK_ISSUES: false, ASSIGN_ISSUES: false, CREATE_ISSUES: true });
    });

    it('"any logged in user" (applicationRole without a key) needs some application access', async () => {
      assert.deepEqual(await ask('rita', 'projectKey=HELP&permissions=BROWSE_PROJECTS'), { BROWSE_PROJECTS: true });
      const nora = await call(s.sim, '/rest/api/2/mypermissions?projectKey=HELP&permissions=BROWSE_PROJECTS', {
        auth: ROLES.nora.cloud,
      });
      assert.equal(nora.status, 404);
      // Still, with no context she "has" EDIT_ISSUES: she could be the reporter of an issue somewhere.
      assert.deepEqual(await ask('nora', 'permissions=EDIT_ISSUES,BROWSE_PROJECTS'), {
        EDIT_ISSUES: true,
        BROWSE_PROJECTS: true,
      });
    });

    it('anonymous holds only grants to anyone: never a reporter', async () => {
      assert.deepEqual(await ask(undefined, 'projectKey=PUB&permissions=BROWSE_PROJECTS,ADD_COMMENTS,EDIT_ISSUES'), {
        BROWSE_PROJECTS: true,
        ADD_COMMENTS: true,
        EDIT_ISSUES: false,
      });
      assert.equal((await call(s.sim, '/rest/api/2/mypermissions?projectKey=HELP&permissions=BROWSE_PROJECTS')).status, 404);
    });
  });
});
