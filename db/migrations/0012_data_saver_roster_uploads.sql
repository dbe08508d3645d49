CREATE TABLE `roster_uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`cohort_id` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`content` blob NOT NULL,
	`pasted` integer DEFAULT false NOT NULL,
	`mentor_id` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `roster_uploads_expires_idx` ON `roster_uploads` (`expires_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `data_saver` integer DEFAULT false NOT NULL;