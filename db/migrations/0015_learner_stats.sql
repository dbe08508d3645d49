CREATE TABLE `learner_stats` (
	`user_id` text PRIMARY KEY NOT NULL,
	`course_key` text NOT NULL,
	`last_active_at` integer,
	`last_lesson_id` text,
	`completed` text NOT NULL,
	`finished_modules` integer NOT NULL,
	`pillar_counts` text NOT NULL,
	`pre_post` text,
	`perception` text,
	`quiz_average` integer,
	`failed_quizzes` text NOT NULL,
	`review_due_at` integer,
	`last_review_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `learner_stats_stale` (
	`user_id` text PRIMARY KEY NOT NULL,
	`changes` integer DEFAULT 1 NOT NULL
);
