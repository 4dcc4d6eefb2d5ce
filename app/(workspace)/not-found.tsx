import { NotFoundView } from "@/components/layout/not-found-view";

/** A workspace page's 404 (a missing record, or one outside the reader's scope), inside the workspace frame. */
export default function WorkspaceNotFound() {
  return <NotFoundView />;
}
