CREATE TABLE `joint_promotions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`seller_ids` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `joint_promotions_user_idx` ON `joint_promotions` (`user_id`);--> statement-breakpoint
CREATE TABLE `seller_profiles` (
	`user_id` text PRIMARY KEY NOT NULL,
	`business_name` text NOT NULL,
	`category` text NOT NULL,
	`kecamatan` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`catalog_link` text,
	`offers` text NOT NULL,
	`seeks` text NOT NULL,
	`visibility` text DEFAULT 'hidden' NOT NULL,
	`show_phone` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `seller_profiles_visibility_idx` ON `seller_profiles` (`visibility`,`category`,`kecamatan`);--> statement-breakpoint
ALTER TABLE `collaborations` ADD `partner_user_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `collaborations` ADD `status` text DEFAULT 'logged' NOT NULL;--> statement-breakpoint
ALTER TABLE `collaborations` ADD `responded_at` integer;--> statement-breakpoint
CREATE INDEX `collaborations_partner_idx` ON `collaborations` (`partner_user_id`,`status`);