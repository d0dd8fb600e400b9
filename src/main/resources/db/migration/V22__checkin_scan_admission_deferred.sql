-- A batch of synced scans writes its stays and scans together at commit, in whatever order the persistence layer
-- chooses: a scan's reference to its stay is checked at commit, when both are there.
ALTER TABLE checkin_scans ALTER CONSTRAINT checkin_scans_admission_id_fkey DEFERRABLE INITIALLY DEFERRED;
