import { openDatabase } from '../../src/store/db.js'
import { sqliteStore } from '../../src/store/store.js'
import { claimsContract } from './contract/claims.contract.js'

claimsContract(() => {
  const db = openDatabase(':memory:', { create: true })
  db.exec(`INSERT INTO staff (id, name, role, created_at) VALUES ('ana', 'Ana', 'agent', 'x'), ('ben', 'Ben', 'agent', 'x'), ('mei', 'Mei', 'lead', 'x');
    INSERT INTO shift_type (code, name, start_min, end_min) VALUES ('A', 'Day', 540, 1020), ('B', 'Late', 720, 1200);`)
  return sqliteStore(db)
})
