CREATE INDEX `login_failures_phone_idx` ON `login_failures` (`phone`);--> statement-breakpoint
CREATE INDEX `login_failures_at_idx` ON `login_failures` (`at`);