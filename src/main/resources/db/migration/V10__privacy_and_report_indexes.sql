-- Privacy and administrators' reports: erasing a person's feedback, expiring old feedback, and
-- counting feedback per section all look feedback up by these columns.
CREATE INDEX feedback_user_ref ON feedback (user_ref);
CREATE INDEX feedback_given_at ON feedback (given_at);
CREATE INDEX feedback_section_id ON feedback (section_id);
-- Unanswered questions of the last days.
CREATE INDEX question_log_answered_asked_at ON question_log (answered, asked_at);
