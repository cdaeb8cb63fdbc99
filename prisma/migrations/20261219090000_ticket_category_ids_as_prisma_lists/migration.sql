-- Prisma's scalar lists cannot say NOT NULL, so the column takes the shape schema.prisma gives every other list
-- (support_holidays, labels): nullable with an empty default. Nothing writes null, and the default fills new rows.
ALTER TABLE "guild" ALTER COLUMN "ticket_category_ids" DROP NOT NULL;
