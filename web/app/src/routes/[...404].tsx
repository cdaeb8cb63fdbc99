import { NotFound } from '../components/NotFound.tsx';

export default function UnknownPage() {
  return <NotFound />;
}
