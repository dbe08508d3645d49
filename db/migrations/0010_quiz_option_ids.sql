ALTER TABLE `quiz_attempts` ADD `item_versions` text;--> statement-breakpoint
ALTER TABLE `quiz_attempts` ADD `form` text;