CREATE TABLE `mentor_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`learner_id` text NOT NULL,
	`author_id` text,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`learner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `mentor_notes_learner_idx` ON `mentor_notes` (`learner_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `nudges` (
	`id` text PRIMARY KEY NOT NULL,
	`learner_id` text NOT NULL,
	`mentor_id` text,
	`kind` text NOT NULL,
	`lesson_id` text,
	`sent_at` integer NOT NULL,
	FOREIGN KEY (`learner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `nudges_learner_idx` ON `nudges` (`learner_id`,`sent_at`);