CREATE TABLE `authored_lessons` (
	`id` text PRIMARY KEY NOT NULL,
	`module_id` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`draft_version` integer NOT NULL,
	`published_version` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`module_id`) REFERENCES `authored_modules`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `authored_lessons_module_idx` ON `authored_lessons` (`module_id`);--> statement-breakpoint
CREATE TABLE `authored_modules` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`title_en` text NOT NULL,
	`summary` text NOT NULL,
	`order` integer NOT NULL,
	`pillars` text NOT NULL,
	`copied_from` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `content_generation` (
	`id` integer PRIMARY KEY NOT NULL,
	`generation` integer DEFAULT 0 NOT NULL,
	`draft_generation` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `lesson_versions` (
	`lesson_id` text NOT NULL,
	`version` integer NOT NULL,
	`draft` text NOT NULL,
	`author_id` text,
	`created_at` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`published` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`lesson_id`, `version`),
	FOREIGN KEY (`lesson_id`) REFERENCES `authored_lessons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
