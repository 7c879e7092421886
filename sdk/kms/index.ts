export { CustomerManagedKey, CustomerManagedKeyArgs } from "./customerManagedKey";
