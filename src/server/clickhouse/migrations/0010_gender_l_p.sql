-- Employees' sex codes follow the relational store's rename (prisma/migrations/*_gender_l_p): M/F → L/P,
-- as the survey facts already write them.
ALTER TABLE dim_employee UPDATE gender = if(gender = 'M', 'L', 'P') WHERE gender IN ('M', 'F')
    SETTINGS mutations_sync = 2; -- applied before the migration is recorded, on every replica
