ALTER TABLE `task_submissions` ADD `checks_seen` text;--> statement-breakpoint
ALTER TABLE `task_submissions` ADD `rubric_level` integer;--> statement-breakpoint
ALTER TABLE `task_submissions` ADD `review_opened_at` integer;