-- CreateTable
CREATE TABLE "NotificationRead" (
    "userId" UUID NOT NULL,
    "key" VARCHAR(100) NOT NULL,
    "readAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationRead_pkey" PRIMARY KEY ("userId","key")
);

