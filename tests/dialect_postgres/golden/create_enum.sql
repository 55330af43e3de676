CREATE TYPE "mood" AS ENUM ('sad', 'o''k', 'happy');
