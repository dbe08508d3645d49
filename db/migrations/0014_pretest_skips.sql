CREATE TABLE `pretest_skips` (
	`user_id` text NOT NULL,
	`module_id` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pretest_skips_user_module` ON `pretest_skips` (`user_id`,`module_id`);