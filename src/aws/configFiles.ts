import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the SDK reads profiles from: the same environment variables and defaults the AWS CLI uses. */
export function configFilePaths(env: NodeJS.ProcessEnv = process.env): { config: string; credentials: string } {
  const home = env.HOME || env.USERPROFILE || homedir();
  return {
    config: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
  };
}
