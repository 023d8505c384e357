-- One convention for sex codes: L (laki-laki) / P (perempuan), as the survey answers, the master-data files
-- and Indonesian forms write them (employees were M/F). Renaming the enum's values keeps every row.
ALTER TYPE "Gender" RENAME VALUE 'M' TO 'L';
ALTER TYPE "Gender" RENAME VALUE 'F' TO 'P';
