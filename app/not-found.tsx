import { NotFoundView } from "@/components/layout/not-found-view";

/** Every 404 of the app, inside the nearest layout (the workspace frame for workspace pages). */
export default function NotFound() {
  return <NotFoundView />;
}
