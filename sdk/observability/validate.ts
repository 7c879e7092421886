import { Problems } from "../validation";

/** Retention periods CloudWatch Logs accepts (PutRetentionPolicy `retentionInDays`). */
export const LOG_RETENTION_DAYS: readonly number[] = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** Delivery source and destination names (CloudWatch Logs PutDeliverySource/PutDeliveryDestination `name`). */
const DELIVERY_NAME = /^[\w-]{1,60}$/;
/** Names of dashboards, alarms and topics built from the prefix: letters, digits, `_` and `-`. */
const NAME_PREFIX = /^[A-Za-z0-9_-]{1,48}$/;

/** Records a retention CloudWatch Logs would refuse. */
export function checkRetention(problems: Problems, path: string, days: number): void {
    if (!LOG_RETENTION_DAYS.includes(days)) {
        problems.add(path, days, `must be one of ${LOG_RETENTION_DAYS.join(", ")} (CloudWatch Logs PutRetentionPolicy retentionInDays)`);
    }
}

/** Records a sampling percentage outside 0-100. */
export function checkPercentage(problems: Problems, path: string, value: number): void {
    if (!Number.isFinite(value) || value < 0 || value > 100) {
        problems.add(path, value, "must be between 0 and 100 (X-Ray UpdateIndexingRule desiredSamplingPercentage)");
    }
}

/** Records an alarm threshold that is not a positive number. */
export function checkPositive(problems: Problems, path: string, value: number | undefined): void {
    if (value !== undefined && (!Number.isFinite(value) || value <= 0)) {
        problems.add(path, value, "must be a positive number (an alarm at or below 0 would fire on every period)");
    }
}

/** Records an alarm period CloudWatch refuses for metrics of one-minute resolution. */
export function checkPeriod(problems: Problems, path: string, seconds: number | undefined): void {
    if (seconds !== undefined && (!Number.isInteger(seconds) || seconds < 60 || seconds % 60 !== 0)) {
        problems.add(path, seconds, "must be a whole multiple of 60 seconds (AgentCore publishes metrics every minute; CloudWatch PutMetricAlarm Period)");
    }
}

/** Records a prefix that cannot name dashboards, alarms, topics and policies. */
export function checkNamePrefix(problems: Problems, path: string, prefix: string): void {
    if (!NAME_PREFIX.test(prefix)) {
        problems.add(path, prefix, "must match [A-Za-z0-9_-]{1,48} (it names the dashboard, alarms, alarm topic and policies)");
    }
}

/** Records a resource name whose delivery source and destination names CloudWatch Logs would refuse. */
export function checkDeliveryName(problems: Problems, path: string, resourceName: string, deliveryName: string): void {
    if (!DELIVERY_NAME.test(deliveryName)) {
        problems.add(path, resourceName, `gives the delivery name "${deliveryName}", which must match [\\w-]{1,60} (CloudWatch Logs PutDeliverySource name)`);
    }
}
