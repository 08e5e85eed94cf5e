import type { Kysely } from 'kysely';
import type { Dialect } from '../database';

// The in-app notification centre, and 提案: collection windows, proposals with their co-signers,
// 协办 assignees, replies, messages, private committee notes and reply templates.
export async function m0003_proposals(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('read_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notifications_inbox').on('notifications').columns(['org_id', 'user_id', 'created_at']).execute();

  // One collection window per session; kept apart so the congress tables stay the congress module's.
  await db.schema
    .createTable('proposal_windows')
    .addColumn('session_id', 'text', (c) => c.primaryKey().references('congress_sessions.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('proposal_windows_org').on('proposal_windows').columns(['org_id', 'opens_on']).execute();

  await db.schema
    .createTable('proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull().references('congress_sessions.id'))
    .addColumn('proposer_member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('proposer_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('delegation_id', 'text', (c) => c.references('congress_delegations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('single_subject', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('merged_into_id', 'text', (c) => c.references('proposals.id'))
    .addColumn('decided_at', 'text')
    // A decision the committee has drafted but not yet published: never shown outside the committee.
    .addColumn('draft_decision', 'text')
    .addColumn('draft_reason', 'text')
    .addColumn('draft_merge_into_id', 'text')
    .addColumn('department', 'text')
    .addColumn('handler_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('deadline', 'text')
    .addColumn('assigned_at', 'text')
    .addColumn('reopened', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('proposals_org_session').on('proposals').columns(['org_id', 'session_id', 'state']).execute();
  await db.schema.createIndex('proposals_org_state_deadline').on('proposals').columns(['org_id', 'state', 'deadline']).execute();
  await db.schema.createIndex('proposals_org_proposer').on('proposals').columns(['org_id', 'proposer_member_id']).execute();
  await db.schema.createIndex('proposals_org_handler').on('proposals').columns(['org_id', 'handler_user_id']).execute();
  await db.schema.createIndex('proposals_org_merged').on('proposals').columns(['org_id', 'merged_into_id']).execute();

  await db.schema
    .createTable('proposal_cosigners')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'text')
    .addPrimaryKeyConstraint('proposal_cosigners_pk', ['proposal_id', 'member_id'])
    .execute();
  await db.schema.createIndex('proposal_cosigners_member').on('proposal_cosigners').columns(['org_id', 'member_id']).execute();

  // 协办 departments with their handler accounts (the 主办 is on the proposal row).
  await db.schema
    .createTable('proposal_assists')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('department', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('proposal_assists_pk', ['proposal_id', 'user_id'])
    .execute();
  await db.schema.createIndex('proposal_assists_user').on('proposal_assists').columns(['org_id', 'user_id']).execute();

  await db.schema
    .createTable('proposal_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('class', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('planned_date', 'text')
    .addColumn('explanation', 'text')
    .addColumn('user_id', 'text')
    .addColumn('author_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('rating', 'text')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_at', 'text')
    .addUniqueConstraint('proposal_replies_round', ['proposal_id', 'round'])
    .execute();

  // Handler ↔ proposer messages ('message') and the committee's private notes ('note').
  await db.schema
    .createTable('proposal_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('author_name', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('proposal_posts_thread').on('proposal_posts').columns(['proposal_id', 'kind', 'created_at']).execute();

  await db.schema
    .createTable('proposal_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('proposal_templates_org').on('proposal_templates').columns(['org_id', 'kind', 'name']).execute();
}
