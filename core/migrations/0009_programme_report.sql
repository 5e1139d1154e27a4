-- The programme report: the smallest count it prints (smaller ones read "fewer than 3", so
-- that no one can be recognised), and how the employment-equity tables band salary levels
-- into occupational levels (domain.md).
INSERT INTO setting (key, value) VALUES
    ('report_smallest_count', '3'),
    ('occupational_levels', '15-16 Top management; 13-14 Senior management; 9-12 Professionally qualified and middle management; 6-8 Skilled technical and junior management; 3-5 Semi-skilled; 1-2 Unskilled');
