export const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  create-admin --brand <slug> --email <email> [--name <display name>]
      Creates a BRAND_ADMIN account of the brand (e.g. the first one in production).
  create-user --brand <slug> --email <email> --role <role>
              [--regions <slugs>] [--clinics <slugs>] [--name <display name>]
      Creates an editor account. Roles: BRAND_ADMIN, BRAND_EDITOR,
      REGION_EDITOR (needs --regions), CLINIC_EDITOR (needs --clinics),
      MEDICAL_REVIEWER (--regions optional: none reviews the whole brand).
  create-key --brand <slug> --name <name> --scopes <scopes>
             [--clinics <slugs>] [--expires <date>]
      Creates an API key; prints it once, on the last line. Scopes: delivery,
      preview, partner, admin. --expires 2027-01-01 means midnight UTC.
  disable-user --brand <slug> --email <email>
      Disables an account: no sign-in, its sessions end, its pending
      scheduled publications are cancelled.
  enable-user --brand <slug> --email <email>
      Lets a disabled account sign in again.
  revoke-sessions --brand <slug> --email <email>
      Ends every session of the account at once.
  set-role --brand <slug> --email <email> --role <role>
           [--regions <slugs>] [--clinics <slugs>]
      Changes the account's role and the places it needs (replacing the old ones).
  reset-password --brand <slug> --email <email>
      Prints a one-time token (24 h) with which the user sets a new password
      (GraphQL resetPassword); nobody else learns the password.
  seed
      Adds whatever of the demo franchise is missing (same as npm run seed).
  backup [--file <path>]
      Writes every row to a gzipped JSON-lines file (same as npm run db:backup);
      default file clinic-content-<time>.jsonl.gz. The app may keep running.
  restore --file <path> --yes true
      Replaces every row by the backup's, in one transaction, and starts a new
      deployment epoch (same as npm run db:restore). Stop the app first.
  help
      Shows this text.

Lists are comma-separated slugs of the brand: --clinics austin-downtown,dallas-uptown
Passwords are never arguments: set CLI_PASSWORD, type it at the prompt, or pipe it on stdin.
Database: DATABASE_URL when set, else the embedded PostgreSQL in DATA_DIR (.data/postgres).
Exit codes: 0 done, 1 failed, 2 wrong arguments (nothing was written).`;
