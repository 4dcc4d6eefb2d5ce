// README "Production": TZ is the service desk's zone — pages show times in it and date fields are
// typed in it, named in their labels; the instant stored (and the Table API's, as ServiceNow's) is UTC.
import { expect, test } from "./support/test";
import { DEMO, signIn } from "./support/auth";
import { startProductionServer } from "./support/prod-server";

const PORT = 3561;
let server: Awaited<ReturnType<typeof startProductionServer>>;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  server = await startProductionServer(PORT, { TZ: "Europe/Berlin" }, { demoData: true });
});
test.afterAll(() => server?.stop());
test.use({ baseURL: `http://localhost:${PORT}` });

test("ITSM-1 / FSM-3: with TZ=Europe/Berlin a change's planned start is typed and shown in Berlin time, stored as UTC", async ({
  page,
}) => {
  await signIn(page, DEMO.itil);
  await page.goto("/changes");
  await page.getByRole("table").getByRole("link", { name: /^CHG/ }).first().click();
  await expect(page).toHaveURL(/\/changes\/CHG\d+$/);
  const number = page.url().split("/").pop()!;
  const start = page.getByLabel("Planned start (Europe/Berlin)");
  await start.fill("2026-12-01T10:30");
  await page.getByLabel("Planned end (Europe/Berlin)").fill("2026-12-01T12:00");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "saved" })).toBeVisible();
  await page.reload();
  await expect(start).toHaveValue("2026-12-01T10:30");
  await expect(page.getByRole("region", { name: "History" })).toContainText("1 Dec 2026, 10:30");

  const api = await page.request.get(
    `/api/now/table/change_request?sysparm_query=number=${number}&sysparm_fields=start_date`,
    { headers: { Authorization: `Basic ${Buffer.from(`${DEMO.itil}:demo`).toString("base64")}` } },
  );
  expect(((await api.json()) as { result: unknown }).result).toEqual([{ start_date: "2026-12-01 09:30:00" }]);
});
