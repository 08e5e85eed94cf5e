import { CaseListPage } from './parts';

/** /cases/assigned: a department handler's cases, forwarded to them by the union. */
export default function AssignedPage() {
  return <CaseListPage path="/api/cases/assigned" title="nav.assignedCases" intro="case.assignedIntro" full />;
}
