-- Why a mentorship ended early, recorded with the termination decision, so that the programme
-- report can group early terminations by reason. Decisions recorded before have none.
ALTER TABLE termination_step ADD COLUMN reason TEXT;
