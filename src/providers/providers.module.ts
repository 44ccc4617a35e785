import { Module } from '@nestjs/common';
import { ReadModeModule } from '../read-mode/read-mode.module';
import { ProvidersService } from './providers.service';

@Module({ imports: [ReadModeModule], providers: [ProvidersService], exports: [ProvidersService] })
export class ProvidersModule {}
