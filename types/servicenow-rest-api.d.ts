// servicenow-rest-api 1.2.2 ships no types: the part of its API e2e/table-api-client.spec.ts uses.
// Every call answers through its callback: the `result` array or record, or the axios error.
declare module "servicenow-rest-api" {
  type Callback = (result: unknown) => void;
  export default class ServiceNow {
    constructor(instance: string, userid: string, password: string);
    /** axios.create(options) for every later call (the README's proxy / httpsAgent option). */
    setNetworkOptions(options: Record<string, unknown>): void;
    getTableData(fields: string[], filters: string[], table: string, callback: Callback): void;
    createNewTask(data: Record<string, unknown>, table: string, callback: Callback): void;
    UpdateTask(table: string, number: string, data: Record<string, unknown>, callback: Callback): void;
  }
}
