DROP TABLE "posts";
