-- Re-sent usage replaces rows in place. Leaving 15% of each page free lets PostgreSQL update a
-- row on its own page without touching the indexes (a HOT update: neither the app nor the day,
-- the only indexed columns, ever changes), which keeps replacing batches as fast as new ones.
ALTER TABLE "UsageDaily" SET (fillfactor = 85);
