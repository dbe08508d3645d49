-- Custom SQL migration file, put your code below! --
-- Mark a learner's learner_stats row stale in the same transaction as any write that changes its figures
-- (db/schema/aggregates.ts). Triggers, so every writer (progress sync, task review, pre/post tests,
-- self-assessment, spaced review, seeders, account erasure) keeps the mark without code of its own.
CREATE TRIGGER `lesson_progress_stats_insert` AFTER INSERT ON `lesson_progress` BEGIN
  INSERT INTO learner_stats_stale (user_id) VALUES (NEW.user_id) ON CONFLICT (user_id) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `lesson_progress_stats_update` AFTER UPDATE ON `lesson_progress` BEGIN
  INSERT INTO learner_stats_stale (user_id) VALUES (NEW.user_id) ON CONFLICT (user_id) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `lesson_progress_stats_delete` AFTER DELETE ON `lesson_progress` BEGIN
  INSERT INTO learner_stats_stale (user_id) VALUES (OLD.user_id) ON CONFLICT (user_id) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `quiz_attempts_stats_insert` AFTER INSERT ON `quiz_attempts` BEGIN
  INSERT INTO learner_stats_stale (user_id) VALUES (NEW.user_id) ON CONFLICT (user_id) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `quiz_attempts_stats_update` AFTER UPDATE ON `quiz_attempts` BEGIN
  INSERT INTO learner_stats_stale (user_id) VALUES (NEW.user_id) ON CONFLICT (user_id) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `quiz_attempts_stats_delete` AFTER DELETE ON `quiz_attempts` BEGIN
  INSERT INTO learner_stats_stale (user_id) VALUES (OLD.user_id) ON CONFLICT (user_id) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_submissions_stats_insert` AFTER INSERT ON `task_submissions` BEGIN
  INSERT INTO learner_stats_stale (user_id) VALUES (NEW.user_id) ON CONFLICT (user_id) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_submissions_stats_update` AFTER UPDATE ON `task_submissions` BEGIN
  INSERT INTO learner_stats_stale (user_id) VALUES (NEW.user_id) ON CONFLICT (user_id) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_submissions_stats_delete` AFTER DELETE ON `task_submissions` BEGIN
  INSERT INTO learner_stats_stale (user_id) VALUES (OLD.user_id) ON CONFLICT (user_id) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `assessments_stats_insert` AFTER INSERT ON `assessments` BEGIN
  INSERT INTO learner_stats_stale (user_id) VALUES (NEW.user_id) ON CONFLICT (user_id) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `assessments_stats_update` AFTER UPDATE ON `assessments` BEGIN
  INSERT INTO learner_stats_stale (user_id) VALUES (NEW.user_id) ON CONFLICT (user_id) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `assessments_stats_delete` AFTER DELETE ON `assessments` BEGIN
  INSERT INTO learner_stats_stale (user_id) VALUES (OLD.user_id) ON CONFLICT (user_id) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `review_answers_stats_insert` AFTER INSERT ON `review_answers` BEGIN
  INSERT INTO learner_stats_stale (user_id) VALUES (NEW.user_id) ON CONFLICT (user_id) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `review_answers_stats_update` AFTER UPDATE ON `review_answers` BEGIN
  INSERT INTO learner_stats_stale (user_id) VALUES (NEW.user_id) ON CONFLICT (user_id) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `review_answers_stats_delete` AFTER DELETE ON `review_answers` BEGIN
  INSERT INTO learner_stats_stale (user_id) VALUES (OLD.user_id) ON CONFLICT (user_id) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `users_stats_insert` AFTER INSERT ON `users` WHEN NEW.role = 'learner' BEGIN
  INSERT INTO learner_stats_stale (user_id) VALUES (NEW.id) ON CONFLICT (user_id) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
INSERT INTO learner_stats_stale (user_id) SELECT id FROM users WHERE role = 'learner';
