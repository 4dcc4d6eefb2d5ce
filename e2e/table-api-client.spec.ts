// API-5: a published ServiceNow client library, unchanged and called as its README shows, against the
// production server Playwright starts. servicenow-rest-api 1.2.2 always builds
// `https://<instance>/api/now/...` (an instance containing a dot is used as the host, port included),
// so it reaches the server through a TLS-terminating front, as a deployment would put one before it;
// the library's documented setNetworkOptions({ httpsAgent }) trusts that front's certificate.
import https from "node:https";
import { expect, test } from "./support/test";
import ServiceNow from "servicenow-rest-api";
import { BASE_URL } from "../playwright.config";
import { DEMO } from "./support/auth";
import { startTlsFront, type TlsFront } from "./support/tls-front";

type Row = Record<string, unknown>;
let front: TlsFront;

// One worker for both tests: setNetworkOptions replaces the library's module-wide axios and throws
// when called again in the same process, which a second beforeAll in a parallel worker would do.
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  front = await startTlsFront(BASE_URL);
  // The options replace the library's module-wide axios, once per process (a second call throws).
  new ServiceNow(front.host, "", "").setNetworkOptions({ httpsAgent: new https.Agent({ ca: front.ca }) });
});
test.afterAll(() => front?.close());

function client(email: string) {
  const sn = new ServiceNow(front.host, email, "demo");
  /** The library answers through callbacks, with the result or the axios error. */
  const call = <T>(run: (done: (r: unknown) => void) => void) =>
    new Promise<T>((resolve, reject) =>
      run((r) => (r instanceof Error ? reject(new Error(`${r.message}: ${describe(r)}`)) : resolve(r as T))),
    );
  return {
    create: (table: string, data: Row) => call<Row>((d) => sn.createNewTask(data, table, d)),
    query: (table: string, fields: string[], filters: string[]) =>
      call<Row[]>((d) => sn.getTableData(fields, filters, table, d)),
    update: (table: string, number: string, data: Row) =>
      call<Row>((d) => sn.UpdateTask(table, number, data, d)),
  };
}

function describe(e: Error): string {
  const res = (e as Error & { response?: { status: number; data: unknown } }).response;
  return res ? `${res.status} ${JSON.stringify(res.data)}` : "no response";
}

const SYS_ID = /^[0-9a-f]{32}$/;

test("API-5 / API-1 / API-2: servicenow-rest-api creates, queries and puts an incident On Hold as the itil user", async () => {
  const sn = client(DEMO.itil);
  const title = `Client library incident ${Date.now()}`;
  // createNewTask sends sysparm_input_display_value=true and sysparm_display_value=true.
  const created = await sn.create("incident", {
    short_description: title,
    impact: "2 - Medium",
    urgency: "1 - High",
  });
  expect(created.sys_id).toMatch(SYS_ID);
  expect(created.number).toMatch(/^INC\d{7}$/);
  expect(created).toMatchObject({
    short_description: title,
    state: "New",
    impact: "2 - Medium",
    urgency: "1 - High",
  });
  const number = String(created.number);

  // getTableData: sysparm_display_value=true, sysparm_fields and an encoded query (filters joined by ^).
  const found = await sn.query(
    "incident",
    ["sys_id", "number", "short_description", "state", "sys_created_by"],
    [`number=${number}`, "stateIN1,2", "ORDERBYDESCsys_updated_on"],
  );
  expect(found).toEqual([
    { sys_id: created.sys_id, number, short_description: title, state: "New", sys_created_by: DEMO.itil },
  ]);
  expect(await sn.query("incident", ["number"], [`number=${number}`, "state=3"])).toEqual([]);

  // UpdateTask looks the sys_id up by number, then PUTs with sysparm_input_display_value=true.
  const held = await sn.update("incident", number, { state: "On Hold", hold_reason: "Awaiting Caller" });
  expect(held).toMatchObject({
    sys_id: created.sys_id,
    number,
    state: "On Hold",
    hold_reason: "Awaiting Caller",
  });
  const after = await sn.query("incident", ["state", "hold_reason", "sys_updated_by"], [`number=${number}`]);
  expect(after).toEqual([{ state: "On Hold", hold_reason: "Awaiting Caller", sys_updated_by: DEMO.itil }]);
});

test("API-5 / API-1 / API-2: servicenow-rest-api opens a case for Acme Corporation by name and adds a work note as the agent", async () => {
  const sn = client(DEMO.agent);
  const title = `Client library case ${Date.now()}`;
  const [acme] = await sn.query("customer_account", ["sys_id", "name"], ["name=Acme Corporation"]);
  expect(acme.sys_id).toMatch(SYS_ID);

  const created = await sn.create("sn_customerservice_case", {
    short_description: title,
    account: "Acme Corporation",
  });
  expect(created.sys_id).toMatch(SYS_ID);
  expect(created.number).toMatch(/^CS\d{7}$/);
  expect(created).toMatchObject({ short_description: title, account: "Acme Corporation", state: "New" });
  const [number, sysId] = [String(created.number), String(created.sys_id)];

  const found = await sn.query(
    "sn_customerservice_case",
    ["sys_id", "number", "account", "short_description"],
    [`short_description=${title}`, `account=${String(acme.sys_id)}`],
  );
  expect(found).toEqual([
    { sys_id: created.sys_id, number, account: "Acme Corporation", short_description: title },
  ]);

  const note = `Called the customer back ${Date.now()}`;
  const noted = await sn.update("sn_customerservice_case", number, { work_notes: note });
  expect(noted).toMatchObject({ sys_id: created.sys_id, number, short_description: title });

  const journal = await sn.query(
    "sys_journal_field",
    ["element_id", "name", "element", "value", "sys_created_by"],
    [`element_id=${sysId}`, "element=work_notes"],
  );
  expect(journal).toContainEqual(
    expect.objectContaining({ element_id: created.sys_id, name: "sn_customerservice_case", value: note }),
  );
});
