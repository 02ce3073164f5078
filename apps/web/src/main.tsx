import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<h1>民生实事督办平台</h1>);
