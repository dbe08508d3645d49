CREATE TABLE `h5p_contents` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`main_library` text NOT NULL,
	`folder` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`package_hash` text NOT NULL,
	`imported_by` text,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `h5p_contents_package_hash_unique` ON `h5p_contents` (`package_hash`);--> statement-breakpoint
CREATE TABLE `h5p_results` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`content_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`verb` text NOT NULL,
	`score` integer NOT NULL,
	`max_score` integer NOT NULL,
	`statement` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `h5p_results_user_idx` ON `h5p_results` (`user_id`,`content_id`);